using Logistics.FaultHarness;

var options = FaultOptions.Parse(args);
var ledger = await FaultRun.RunAsync(options, Console.Error.WriteLine, CancellationToken.None);
Console.WriteLine(ledger.Format("fault-harness"));
foreach (var k in ledger.Kills) Console.WriteLine(k.Format());
return ledger.Clean ? 0 : 1;
