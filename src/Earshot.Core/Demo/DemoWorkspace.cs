using Earshot.Core.Agents;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Demo;
using Earshot.Core.Contacts;
using Earshot.Core.Data;
using Earshot.Core.Listening;
using Earshot.Core.Replies;
using Earshot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Demo;

/// <summary>
/// "Acme Air", an airline: listening rules, care and marketing queues, three agents (one a person, two simulated
/// so metrics fill in), a marketing lead and a supervisor. Created once; it is the default workspace in demo mode.
/// </summary>
public static class DemoWorkspace
{
    public const string Name = "Acme Air";
    public const string Slug = "acme-air";
    public const string Password = "earshot-demo";
    public const string StreamSourceName = "Demo stream";

    public static readonly IReadOnlyList<(string Name, string Email, AgentRoleName Role, bool Simulated)> People =
    [
        ("Ana Agent", "agent@acme-air.example", AgentRoleName.Agent, false),
        ("Ben Bot", "ben@acme-air.example", AgentRoleName.Agent, true),
        ("Chloé Bot", "chloe@acme-air.example", AgentRoleName.Agent, true),
        ("Mia Marketing", "marketing@acme-air.example", AgentRoleName.Marketing, false),
        ("Sam Supervisor", "supervisor@acme-air.example", AgentRoleName.Supervisor, false),
        ("Ada Admin", "admin@acme-air.example", AgentRoleName.Admin, false),
    ];

    /// <summary>Creates the demo workspace as the default one if there is no default workspace yet.</summary>
    public static async Task<Workspace> EnsureAsync(EarshotDbContext db, Func<string, string> hashPassword, DateTime now, CancellationToken ct)
    {
        var existing = await db.Workspaces.IgnoreQueryFilters().SingleOrDefaultAsync(w => w.IsDefault, ct);
        if (existing is not null)
        {
            return existing;
        }
        var workspace = await WorkspaceProvisioner.EnsureDefaultAsync(db, Name, Slug, now, ct);
        if (await db.Agents.IgnoreQueryFilters().AnyAsync(a => a.WorkspaceId == workspace.Id, ct))
        {
            return workspace; // another node seeded it a moment ago
        }
        var hash = hashPassword(Password);
        foreach (var (name, email, role, simulated) in People)
        {
            var agent = WorkspaceProvisioner.NewAgent(workspace.Id, name, email, role, hash, now);
            agent.IsSimulated = simulated;
            agent.Skills = name switch
            {
                "Ana Agent" => new() { ["en"] = 5, ["es"] = 4, ["baggage"] = 4 },
                "Ben Bot" => new() { ["en"] = 5, ["refunds"] = 4 },
                "Chloé Bot" => new() { ["en"] = 4, ["fr"] = 5 },
                _ => new() { ["en"] = 5 },
            };
            db.Agents.Add(agent);
        }
        db.ListeningRules.AddRange(
            Rule(workspace.Id, "Brand mentions", "\"acme air\" OR @acmeair OR #acmeair OR acmeair", "brand", now),
            Rule(workspace.Id, "Service problems", "(lost OR delayed OR cancelled OR refund OR stuck OR waiting) AND (\"acme air\" OR @acmeair OR #acmeair)", "service", now),
            Rule(workspace.Id, "Outage watch", "#acmefail OR (app AND (down OR crash OR outage)) AND NOT hiring", "incident", now),
            Rule(workspace.Id, "Competitors", "\"globex airways\" OR @globexair", "competitor", now));
        db.Sources.Add(new Source
        {
            WorkspaceId = workspace.Id, Platform = "x", Name = StreamSourceName, Connector = DemoConnector.ConnectorName, CreatedAt = now,
        });
        var contacts = Customers.Select(c => (c.Handle, Contact: new Contact
        {
            WorkspaceId = workspace.Id, DisplayName = c.Name, CustomerId = c.CustomerId, Tier = c.Tier, LifetimeValue = c.LifetimeValue,
            Email = $"{c.Handle.Replace('.', '_')}@customers.example", CreatedAt = now,
        })).ToList();
        db.Contacts.AddRange(contacts.Select(c => c.Contact));
        await db.SaveChangesAsync(ct);
        // The same customer on several networks: one contact, one identity per network.
        foreach (var (handle, contact) in contacts)
        {
            foreach (var platform in new[] { "x", "mastodon", "bluesky" })
            {
                db.Identities.Add(new Identity
                {
                    WorkspaceId = workspace.Id, Platform = platform, Handle = handle, HandleNormalized = Identity.Normalize(handle),
                    DisplayName = contact.DisplayName, ContactId = contact.Id, FirstSeenAt = now, LastSeenAt = now,
                    Followers = 120 + handle.Length * 37, Verified = contact.Tier == "platinum",
                });
            }
        }
        db.CannedResponses.AddRange(CannedResponses.Select(c => new CannedResponse
        {
            WorkspaceId = workspace.Id, Title = c.Title, Text = c.Text, Keywords = c.Keywords, CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        return workspace;
    }

    /// <summary>Known customers of the demo (handles the demo stream uses), with their CRM facts.</summary>
    public static readonly IReadOnlyList<(string Handle, string Name, string CustomerId, string Tier, double LifetimeValue)> Customers =
    [
        ("maria_g", "Maria Garcia", "CUST-10021", "gold", 18_450),
        ("jdoe88", "John Doe", "CUST-10388", "standard", 920),
        ("travelwithtom", "Tom Becker", "CUST-11002", "platinum", 64_300),
        ("priya.k", "Priya Kumar", "CUST-10457", "silver", 5_210),
        ("sofia_r", "Sofia Rossi", "CUST-12090", "gold", 22_800),
        ("emma_l", "Emma Larsen", "CUST-10777", "standard", 1_340),
    ];

    /// <summary>The demo's canned responses, with placeholders the composer fills in.</summary>
    public static readonly IReadOnlyList<(string Title, string Text, string Keywords)> CannedResponses =
    [
        ("Lost bag: take it to DM", "Hi {first_name}, I'm sorry your bag hasn't arrived. Could you send us your bag tag number in a direct message? Your case is {case_id}. {agent_name}", "baggage bag lost luggage delayed"),
        ("Delayed flight: rebooking", "Hi {first_name}, sorry about the delay. I can look at rebooking options for you right away; please DM us your booking reference. Case {case_id}.", "delay delayed cancelled rebook flight"),
        ("Refund request: how it works", "Hi {first_name}, refund requests are handled by our refunds team. I've opened case {case_id} for you and they will reply within 5 working days.", "refund money back cancel"),
        ("Thanks for the kind words", "Thank you {first_name}! We'll pass this on to the crew. {agent_name}", "praise thanks thank kind"),
        ("App problems", "Hi {first_name}, sorry the app is giving you trouble. Could you tell us your phone model and app version? Case {case_id}.", "app crash login outage down"),
    ];

    static ListeningRule Rule(long workspaceId, string name, string query, string tag, DateTime now) =>
        new() { WorkspaceId = workspaceId, Name = name, Query = query, Tag = tag, CreatedAt = now };
}
