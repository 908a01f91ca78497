namespace Earshot.Tests.Channels.Mastodon;

/// <summary>Payloads in the shapes of docs.joinmastodon.org (entities Status, Account, Notification; error bodies).</summary>
static class MastodonFixtures
{
    public const string Mentions = """
        [
          {
            "id": "34975861",
            "type": "mention",
            "created_at": "2026-11-22T14:08:12.000Z",
            "account": {"id": "109302", "username": "jo", "acct": "jo@social.example.test", "display_name": "Jo", "followers_count": 5400},
            "status": {
              "id": "109379883446771234",
              "created_at": "2026-11-22T14:08:11.000Z",
              "in_reply_to_id": "109379880000000001",
              "in_reply_to_account_id": "1",
              "sensitive": false,
              "spoiler_text": "",
              "visibility": "public",
              "language": "en",
              "uri": "https://social.example.test/users/jo/statuses/109379883446771234",
              "url": "https://social.example.test/@jo/109379883446771234",
              "replies_count": 0,
              "reblogs_count": 2,
              "favourites_count": 5,
              "content": "<p><span class=\"h-card\"><a href=\"https://mastodon.example.test/@acmeair\" class=\"u-url mention\">@<span>acmeair</span></a></span> lost my bag again &amp; nobody answers<br />3rd time!!</p>",
              "account": {"id": "109302", "username": "jo", "acct": "jo@social.example.test", "display_name": "Jo", "followers_count": 5400, "bot": false},
              "media_attachments": [], "mentions": [], "tags": [], "emojis": []
            }
          },
          {
            "id": "34975790",
            "type": "mention",
            "created_at": "2026-11-22T13:00:00.000Z",
            "account": {"id": "2001", "username": "sam", "acct": "sam", "display_name": "", "followers_count": 12},
            "status": {
              "id": "109379800000000042",
              "created_at": "2026-11-22T12:59:59.000Z",
              "in_reply_to_id": null,
              "spoiler_text": "",
              "visibility": "public",
              "language": "de",
              "replies_count": 1, "reblogs_count": 0, "favourites_count": 0,
              "content": "<p>Wo ist mein Koffer?</p>",
              "account": {"id": "2001", "username": "sam", "acct": "sam", "display_name": "", "followers_count": 12}
            }
          }
        ]
        """;

    public const string Tagged = """
        [
          {
            "id": "109379900000000077",
            "created_at": "2026-11-22T15:00:00.000Z",
            "in_reply_to_id": null,
            "spoiler_text": "airline rant",
            "visibility": "public",
            "language": "en",
            "replies_count": 0, "reblogs_count": 0, "favourites_count": 1,
            "content": "<p>Never again <a href=\"https://mastodon.example.test/tags/acmefail\" class=\"mention hashtag\" rel=\"tag\">#<span>acmefail</span></a></p>",
            "account": {"id": "3003", "username": "riley", "acct": "riley@other.example.test", "display_name": "Riley", "followers_count": 880}
          }
        ]
        """;

    public const string CreatedStatus = """
        {"id": "109380000000000099", "created_at": "2026-11-22T16:00:00.000Z", "in_reply_to_id": "109379883446771234",
         "visibility": "public", "content": "<p>Sorry to hear that</p>", "account": {"id": "1", "acct": "acmeair", "followers_count": 10000}}
        """;

    /// <summary>A v2 search answer (entity Search) with two statuses; one of them also mentioned the brand.</summary>
    public const string SearchResults = """
        {
          "accounts": [],
          "hashtags": [],
          "statuses": [
            {
              "id": "109379950000000010",
              "created_at": "2026-11-22T15:30:00.000Z",
              "in_reply_to_id": null,
              "spoiler_text": "",
              "visibility": "public",
              "language": "en",
              "replies_count": 0, "reblogs_count": 3, "favourites_count": 4,
              "content": "<p>acme air lost my luggage in Lisbon</p>",
              "account": {"id": "4004", "username": "kai", "acct": "kai@travel.example.test", "display_name": "Kai", "followers_count": 230}
            },
            {
              "id": "109379883446771234",
              "created_at": "2026-11-22T14:08:11.000Z",
              "in_reply_to_id": "109379880000000001",
              "spoiler_text": "",
              "visibility": "public",
              "language": "en",
              "replies_count": 0, "reblogs_count": 2, "favourites_count": 5,
              "content": "<p>@acmeair lost my bag again</p>",
              "account": {"id": "109302", "username": "jo", "acct": "jo@social.example.test", "display_name": "Jo", "followers_count": 5400}
            }
          ]
        }
        """;
}
