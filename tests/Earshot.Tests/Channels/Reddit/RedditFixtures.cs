namespace Earshot.Tests.Channels.Reddit;

/// <summary>Payloads in the shapes of Reddit's API (OAuth token, Listing of t3/t1 things, /api/comment json answers).</summary>
static class RedditFixtures
{
    public const string Token = """{"access_token": "eyJhbGciOiJSUzI1NiIsImtpZCI6IlNIQTI1NjpzS3dsMnlsV0VtMjVmcXhwTU40cWY4MXE2OWFFdWFyMnpLMUdhVGxjdWNZIiwidHlwIjoiSldUIn0.reddit", "token_type": "bearer", "expires_in": 86400, "scope": "*"}""";

    public const string BadPassword = """{"error": "invalid_grant"}""";

    /// <summary>r/acmeair/new: newest first, a self post and a link post, and an after anchor.</summary>
    public const string NewPage1 = """
        {
          "kind": "Listing",
          "data": {
            "after": "t3_1h2b000",
            "dist": 2,
            "modhash": null,
            "geo_filter": "",
            "children": [
              {
                "kind": "t3",
                "data": {
                  "subreddit": "acmeair", "selftext": "Third time this year & no answer from support.", "author_fullname": "t2_abc12",
                  "title": "Acme Air lost my bag again", "name": "t3_1h2c333", "id": "1h2c333", "score": 42, "num_comments": 7, "num_crossposts": 1,
                  "is_self": true, "author": "jo_travels", "permalink": "/r/acmeair/comments/1h2c333/acme_air_lost_my_bag_again/",
                  "url": "https://www.reddit.com/r/acmeair/comments/1h2c333/acme_air_lost_my_bag_again/", "created_utc": 1763899080.0
                }
              },
              {
                "kind": "t3",
                "data": {
                  "subreddit": "acmeair", "selftext": "", "author_fullname": "t2_def34",
                  "title": "Acme Air adds a new route", "name": "t3_1h2b000", "id": "1h2b000", "score": 3, "num_comments": 0, "num_crossposts": 0,
                  "is_self": false, "author": "[deleted]", "url": "https://news.example.test/acme-route", "created_utc": 1763898000.0
                }
              }
            ],
            "before": null
          }
        }
        """;

    /// <summary>The next page (after=t3_1h2b000): an older post.</summary>
    public const string NewPage2 = """
        {
          "kind": "Listing",
          "data": {
            "after": null,
            "children": [
              {"kind": "t3", "data": {"subreddit": "acmeair", "selftext": "Anyone else stuck at gate 4?", "title": "Delays", "name": "t3_1h2a111", "id": "1h2a111",
               "score": 1, "num_comments": 2, "is_self": true, "author": "sam", "created_utc": 1763890000.0}}
            ],
            "before": null
          }
        }
        """;

    public const string CommentsListing = """
        {
          "kind": "Listing",
          "data": {
            "after": null,
            "children": [
              {"kind": "t1", "data": {"subreddit": "acmeair", "body": "Same here, @AcmeAir please respond", "name": "t1_lx9z001", "id": "lx9z001",
               "parent_id": "t3_1h2c333", "link_id": "t3_1h2c333", "score": 5, "author": "riley", "created_utc": 1763899200.0}}
            ],
            "before": null
          }
        }
        """;

    public const string CommentCreated = """
        {"json": {"errors": [], "data": {"things": [{"kind": "t1", "data": {"id": "lxa0002", "name": "t1_lxa0002", "parent_id": "t3_1h2c333",
          "body": "So sorry, Jo. Please DM us your booking code.", "author": "AcmeAirSupport", "link_id": "t3_1h2c333"}}]}}}
        """;

    public const string CommentRateLimited = """
        {"json": {"ratelimit": 287.5, "errors": [["RATELIMIT", "Looks like you've been doing that a lot. Take a break for 4 minutes before trying again.", "ratelimit"]]}}
        """;

    public const string CommentLocked = """
        {"json": {"errors": [["THREAD_LOCKED", "Comments are locked.", "parent"]]}}
        """;

    public const string Composed = """{"json": {"errors": [], "data": {}}}""";

    public const string Forbidden = """{"message": "Forbidden", "error": 403}""";

    public const string TooMany = """{"message": "Too Many Requests", "error": 429}""";
}
