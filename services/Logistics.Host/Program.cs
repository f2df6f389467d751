using Logistics.Host;

var app = LogisticsHost.Build(args);
app.Run();

/// <summary>Visible to tests.</summary>
public partial class Program;
