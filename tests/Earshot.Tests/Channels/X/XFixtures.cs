namespace Earshot.Tests.Channels.X;

/// <summary>Payloads in the shapes of the X API v2 reference (recent search, mentions, POST /2/tweets, DMs, problems).</summary>
static class XFixtures
{
    /// <summary>Recent search, first page: two tweets (one a reply), authors in includes.users, a next_token.</summary>
    public const string SearchPage1 = """
        {
          "data": [
            {
              "id": "1860000000000000300",
              "text": "@AcmeAir lost my bag again &amp; nobody answers. 3rd time!! #fail",
              "author_id": "2244994945",
              "created_at": "2026-11-23T11:58:01.000Z",
              "lang": "en",
              "conversation_id": "1860000000000000100",
              "edit_history_tweet_ids": ["1860000000000000300"],
              "public_metrics": {"retweet_count": 2, "reply_count": 1, "like_count": 7, "quote_count": 1, "bookmark_count": 0, "impression_count": 410},
              "referenced_tweets": [{"type": "replied_to", "id": "1860000000000000100"}]
            },
            {
              "id": "1860000000000000200",
              "text": "Flying @AcmeAir tomorrow, fingers crossed",
              "author_id": "783214",
              "created_at": "2026-11-23T11:50:00.000Z",
              "lang": "und",
              "conversation_id": "1860000000000000200",
              "edit_history_tweet_ids": ["1860000000000000200"],
              "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0, "quote_count": 0, "bookmark_count": 0, "impression_count": 12}
            }
          ],
          "includes": {
            "users": [
              {"id": "2244994945", "name": "Jo Traveller", "username": "jo_travels", "verified": true,
               "public_metrics": {"followers_count": 5400, "following_count": 310, "tweet_count": 9120, "listed_count": 12, "like_count": 0}},
              {"id": "783214", "name": "Sam", "username": "sam", "verified": false,
               "public_metrics": {"followers_count": 12, "following_count": 40, "tweet_count": 301, "listed_count": 0, "like_count": 0}}
            ]
          },
          "meta": {"newest_id": "1860000000000000300", "oldest_id": "1860000000000000200", "result_count": 2, "next_token": "b26v89c19zqg8o3fpzbkk9xyz"}
        }
        """;

    /// <summary>Recent search, last page (no next_token).</summary>
    public const string SearchPage2 = """
        {
          "data": [
            {
              "id": "1860000000000000150",
              "text": "Is @AcmeAir wifi ever going to work? https://t.co/abc123",
              "author_id": "783214",
              "created_at": "2026-11-23T11:40:00.000Z",
              "lang": "en",
              "conversation_id": "1860000000000000150",
              "edit_history_tweet_ids": ["1860000000000000150"],
              "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 1, "quote_count": 0, "bookmark_count": 0, "impression_count": 30}
            }
          ],
          "includes": {"users": [{"id": "783214", "name": "Sam", "username": "sam", "verified": false, "public_metrics": {"followers_count": 12}}]},
          "meta": {"newest_id": "1860000000000000150", "oldest_id": "1860000000000000150", "result_count": 1}
        }
        """;

    public const string Empty = """{"meta": {"result_count": 0}}""";

    public const string Mentions = """
        {
          "data": [
            {
              "id": "1860000000000000400",
              "text": "@AcmeAir where is my refund?",
              "author_id": "99001",
              "created_at": "2026-11-23T11:59:00.000Z",
              "lang": "en",
              "conversation_id": "1860000000000000400",
              "edit_history_tweet_ids": ["1860000000000000400"],
              "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0, "quote_count": 0, "bookmark_count": 0, "impression_count": 3}
            }
          ],
          "includes": {"users": [{"id": "99001", "name": "Riley", "username": "riley", "verified": false, "public_metrics": {"followers_count": 88}}]},
          "meta": {"newest_id": "1860000000000000400", "oldest_id": "1860000000000000400", "result_count": 1}
        }
        """;

    public const string CreatedTweet = """
        {"data": {"id": "1860000000000000999", "text": "@jo_travels So sorry, Jo. We're on it.", "edit_history_tweet_ids": ["1860000000000000999"]}}
        """;

    public const string UserByUsername = """{"data": {"id": "2244994945", "name": "Jo Traveller", "username": "jo_travels"}}""";

    public const string CreatedDm = """{"data": {"dm_conversation_id": "1234567890-2244994945", "dm_event_id": "1582838650000000007"}}""";

    public const string TooManyRequests = """{"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}""";

    public const string DuplicateContent = """
        {"detail": "You are not allowed to create a Tweet with duplicate content.", "type": "about:blank", "title": "Forbidden", "status": 403}
        """;

    public const string Unauthorized = """
        {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
        """;

    public const string InvalidQuery = """
        {"errors": [{"parameters": {"query": ["(acme"]}, "message": "There were errors processing your request: missing closing parenthesis (at position 6)"}],
         "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.", "type": "https://api.twitter.com/2/problems/invalid-request"}
        """;
}
