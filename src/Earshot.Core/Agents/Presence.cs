namespace Earshot.Core.Agents;

public enum Presence { Offline, Available, Away }
