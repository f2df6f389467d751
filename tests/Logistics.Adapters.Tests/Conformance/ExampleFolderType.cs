namespace Logistics.Adapters.Example;

/// <summary>A type in a folder-shaped namespace, to test the namespace → folder rule without a real adapter.</summary>
sealed class ExampleType;
