namespace Earshot.Tests.Channels.Bluesky;

/// <summary>Jetstream messages and XRPC answers in the shapes of the Jetstream README and the atproto lexicons.</summary>
static class BlueskyFixtures
{
    public const string BrandDid = "did:plc:acmeair4brand000000000000";
    public const string JoDid = "did:plc:jo7travels00000000000000";
    public const string SamDid = "did:plc:sam0000000000000000000000";

    public static string Post(string did, long timeUs, string rkey, string text, string? replyParent = null, string? replyRoot = null, string? mentionDid = null)
    {
        var reply = replyParent is null ? "" :
            $$$""","reply":{"parent":{"cid":"bafyreiparent{{{rkey}}}","uri":"{{{replyParent}}}"},"root":{"cid":"bafyreiroot{{{rkey}}}","uri":"{{{replyRoot ?? replyParent}}}"}}""";
        var facets = mentionDid is null ? "" :
            $$$""","facets":[{"$type":"app.bsky.richtext.facet","index":{"byteStart":0,"byteEnd":8},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"{{{mentionDid}}}"}]}]""";
        var head = $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"commit","commit":{"rev":"3lbq{{{rkey}}}","operation":"create","collection":"app.bsky.feed.post","rkey":"{{{rkey}}}","record":{"$type":"app.bsky.feed.post","createdAt":"2026-11-23T11:59:00.000Z","langs":["en"],"text":"{{{text}}}" """.TrimEnd();
        return head + reply + facets + $$$"""},"cid":"bafyreicid{{{rkey}}}"}}""";
    }

    public static string Identity(string did, long timeUs) =>
        $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"identity","identity":{"did":"{{{did}}}","handle":"someone.bsky.social","seq":1409752997,"time":"2026-11-23T11:59:00.000Z"}}""";

    public static string Delete(string did, long timeUs, string rkey) =>
        $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"commit","commit":{"rev":"3lbqdel","operation":"delete","collection":"app.bsky.feed.post","rkey":"{{{rkey}}}"}}""";

    /// <summary>app.bsky.actor.getProfiles: Jo has a profile; Sam's account is gone (missing from the answer).</summary>
    public const string Profiles = $$$"""
        {"profiles":[{"did":"{{{JoDid}}}","handle":"jo.bsky.social","displayName":"Jo Traveller","followersCount":5400,"followsCount":310,"postsCount":912,
          "indexedAt":"2026-01-01T00:00:00.000Z","createdAt":"2024-02-01T00:00:00.000Z","labels":[]}]}
        """;

    public const string Session = $$$"""
        {"did":"{{{BrandDid}}}","handle":"acmeair.bsky.social","email":"social@acmeair.example.test","emailConfirmed":true,
         "accessJwt":"eyJhbGciOiJFUzI1NksifQ.access","refreshJwt":"eyJhbGciOiJFUzI1NksifQ.refresh","active":true}
        """;

    /// <summary>app.bsky.feed.getPosts for a post that is itself a reply in a thread.</summary>
    public const string ParentInThread = $$$"""
        {"posts":[{"uri":"at://{{{JoDid}}}/app.bsky.feed.post/3lbqjo2","cid":"bafyreijo2cid",
          "author":{"did":"{{{JoDid}}}","handle":"jo.bsky.social","displayName":"Jo"},
          "record":{"$type":"app.bsky.feed.post","text":"still no bag @acmeair","createdAt":"2026-11-23T11:59:00.000Z",
            "reply":{"root":{"uri":"at://{{{JoDid}}}/app.bsky.feed.post/3lbqjo1","cid":"bafyreijo1cid"},"parent":{"uri":"at://{{{JoDid}}}/app.bsky.feed.post/3lbqjo1","cid":"bafyreijo1cid"} } },
          "replyCount":0,"repostCount":0,"likeCount":0,"indexedAt":"2026-11-23T11:59:01.000Z"}]}
        """;

    public const string TopLevelParent = $$$"""
        {"posts":[{"uri":"at://{{{JoDid}}}/app.bsky.feed.post/3lbqjo1","cid":"bafyreijo1cid","author":{"did":"{{{JoDid}}}","handle":"jo.bsky.social"},
          "record":{"$type":"app.bsky.feed.post","text":"@acmeair lost my bag","createdAt":"2026-11-23T11:58:00.000Z"}}]}
        """;

    public const string Created = $$$"""
        {"uri":"at://{{{BrandDid}}}/app.bsky.feed.post/3lbqacme9","cid":"bafyreiacme9","commit":{"cid":"bafyreicommit","rev":"3lbqacme9rev"},"validationStatus":"valid"}
        """;

    public const string InvalidRecord = """{"error":"InvalidRequest","message":"Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes"}""";

    public const string RateLimited = """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""";

    public const string AuthFailed = """{"error":"AuthenticationRequired","message":"Invalid identifier or password"}""";

    public const string Convo = $$$"""{"convo":{"id":"3lbqconvo1","rev":"1","members":[{"did":"{{{BrandDid}}}"},{"did":"{{{JoDid}}}"}],"muted":false,"unreadCount":0}}""";

    public const string MessageSent = $$$"""{"id":"3lbqmsg77","rev":"2","text":"hi","sender":{"did":"{{{BrandDid}}}"},"sentAt":"2026-11-23T12:00:00.000Z"}""";
}
