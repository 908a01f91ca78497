using Earshot.Core.Ingestion;

namespace Earshot.Core.Demo;

/// <summary>
/// Realistic mentions of an airline for the demo stream: complaints, questions, praise, noise, spam, a few
/// influencers, and an app outage that slowly builds. Deterministic for a given seed.
/// </summary>
public sealed class DemoPostGenerator(int seed)
{
    readonly Random _random = new(seed);
    int _count;

    static readonly string[] Platforms = ["x", "x", "x", "mastodon", "bluesky", "instagram", "facebook"];
    static readonly string[] Cities = ["Lisbon", "Denver", "Madrid", "Paris", "Boston", "Austin", "Berlin", "Chicago", "Seattle", "Toronto"];
    static readonly string[] Names = ["maria_g", "jdoe88", "travelwithtom", "priya.k", "lucas_m", "sofia_r", "kwame.a", "emma_l", "noah_travels", "li.wei", "olga_v", "ahmed_s", "chloe_b", "diego_f", "hana_t"];

    static readonly string[] Complaints =
    [
        "@acmeair lost my bag again on the flight from {city}, 3rd time this year!! #fail",
        "@acmeair flight to {city} cancelled with no notice and nobody at the desk. Terrible.",
        "Been on hold with Acme Air for 2 hours and still waiting. Unbelievable.",
        "@acmeair my refund for the cancelled {city} flight still hasn't arrived after 6 weeks",
        "Delayed 4 hours in {city} and @acmeair gives us a $10 voucher. Seriously?",
        "@acmeair the crew was rude when I asked for help with my kid's seat. Never again.",
        "Acme Air charged me twice for the same seat upgrade. Fix this @acmeair",
        "@acmeair stuck on the tarmac in {city} for 90 minutes, no water, no information",
    ];
    static readonly string[] Questions =
    [
        "@acmeair can I bring my guitar as carry-on on the {city} route?",
        "@acmeair how do I change the name on my booking?",
        "Does anyone know if Acme Air lets you pick seats for free? @acmeair",
        "@acmeair when will online check-in open for tomorrow's {city} flight?",
        "@acmeair is there wifi on the A321s to {city}?",
    ];
    static readonly string[] Requests =
    [
        "@acmeair please help, I need to rebook my {city} flight today, booking ref AC{ref}",
        "@acmeair DM me please, I need a wheelchair at {city} airport tomorrow",
        "@acmeair can you please call me back about my lost bag claim {ref}?",
    ];
    static readonly string[] Praise =
    [
        "Huge thanks to the @acmeair crew on the {city} flight, they were amazing with my mum ❤️",
        "Best landing ever, well done Acme Air! #acmeair",
        "@acmeair the new lounge in {city} is fantastic, love it",
        "Shoutout to @acmeair for finding my bag in under an hour. Great service!",
    ];
    static readonly string[] Noise =
    [
        "Watching planes at {city} airport today, saw an Acme Air A350 take off",
        "acme air stock up 2% today according to the news",
        "Acme Air is hiring cabin crew in {city}, applications open",
        "My cousin works for acme air, says the new uniforms are coming next year",
        "Flying Acme Air to {city} next month, first time with them",
    ];
    static readonly string[] Spam =
    [
        "🔥 FREE followers!! click here to win a free flight with Acme Air 🔥 bit.ly/fr33",
        "Earn $500 a day from home, DM me #acmeair #travel #crypto",
        "@acmeair follow back for a giveaway, promo code TRAVEL50 !!!",
    ];
    static readonly string[] Incident =
    [
        "@acmeair your app is down, can't check in!! #acmefail",
        "Acme Air app keeps crashing at payment, anyone else? #acmefail",
        "@acmeair website and app down for an hour now, my flight is in 3 hours #acmefail",
        "Can't get my boarding pass, the Acme Air app is broken #acmefail @acmeair",
    ];

    /// <summary>The next post of the stream at the given time.</summary>
    public PostDocument Next(DateTimeOffset now)
    {
        _count++;
        // The outage builds slowly: its share grows from 2 % to about 25 % over the first 2,000 posts.
        var incidentShare = Math.Min(0.25, 0.02 + _count / 8000.0);
        var roll = _random.NextDouble();
        var (pool, influencer) = roll switch
        {
            _ when roll < incidentShare => (Incident, false),
            _ when roll < incidentShare + 0.12 => (Complaints, false),
            _ when roll < incidentShare + 0.20 => (Questions, false),
            _ when roll < incidentShare + 0.24 => (Requests, false),
            _ when roll < incidentShare + 0.34 => (Praise, _random.NextDouble() < 0.25),
            _ when roll < incidentShare + 0.40 => (Spam, false),
            _ => (Noise, false),
        };
        var text = Pick(pool).Replace("{city}", Pick(Cities)).Replace("{ref}", _random.Next(10000, 99999).ToString());
        var handle = Pick(Names) + (_random.Next(0, 4) == 0 ? _random.Next(1, 99).ToString() : "");
        var followers = influencer ? _random.Next(60_000, 900_000) : (long)Math.Exp(_random.NextDouble() * 8);
        return new PostDocument
        {
            Id = $"demo-{seed}-{_count}",
            Platform = Pick(Platforms),
            Text = text,
            Author = new PostAuthor { Handle = handle, Name = handle.Replace('_', ' '), Followers = followers, Verified = influencer && _random.Next(2) == 0 },
            CreatedAt = now,
            Metrics = new PostMetrics { Likes = influencer ? _random.Next(50, 2000) : _random.Next(0, 5), Reposts = influencer ? _random.Next(10, 400) : _random.Next(0, 2) },
        };
    }

    string Pick(string[] items) => items[_random.Next(items.Length)];
}
