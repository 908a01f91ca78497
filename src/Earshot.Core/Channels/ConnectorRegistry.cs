namespace Earshot.Core.Channels;

/// <summary>The connectors of this process, by name.</summary>
public sealed class ConnectorRegistry(IEnumerable<IChannelConnector> connectors)
{
    readonly Dictionary<string, IChannelConnector> _byName =
        connectors.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public IChannelConnector? Find(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IReadOnlyCollection<IChannelConnector> All => _byName.Values;
}
