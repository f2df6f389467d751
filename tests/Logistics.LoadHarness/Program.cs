Console.Error.WriteLine("load harness: not yet written");
