namespace Earshot.Tests.Channels.Facebook;

/// <summary>Graph API webhook deliveries and answers in the shapes of Meta's Webhooks, Messenger and Instagram references.</summary>
static class GraphFixtures
{
    public const string PageId = "104857600000001";
    public const string IgUserId = "17841400000000077";

    /// <summary>A feed comment, a reply to it, an edit (ignored) and the page's own comment (ignored).</summary>
    public const string FeedComments = $$$"""
        {"object":"page","entry":[{"id":"{{{PageId}}}","time":1763899140,"changes":[
          {"field":"feed","value":{"from":{"id":"6211000000000042","name":"Jo Traveller"},"post":{"status_type":"added_photos","is_published":true,"updated_time":"2026-11-23T11:59:00+0000","permalink_url":"https://www.facebook.com/acmeair/posts/pfbid0abc","promotion_status":"inactive","id":"{{{PageId}}}_900000000000001"},
            "message":"Lost my bag AGAIN. Third time this year!","post_id":"{{{PageId}}}_900000000000001","comment_id":"900000000000001_1200000000000001","created_time":1763899140,"item":"comment","parent_id":"{{{PageId}}}_900000000000001","verb":"add"}},
          {"field":"feed","value":{"from":{"id":"6211000000000077","name":"Sam"},"message":"Same here, nobody answers","post_id":"{{{PageId}}}_900000000000001","comment_id":"900000000000001_1200000000000002","created_time":1763899150,"item":"comment","parent_id":"900000000000001_1200000000000001","verb":"add"}},
          {"field":"feed","value":{"from":{"id":"6211000000000077","name":"Sam"},"message":"Same here, nobody answers!!","post_id":"{{{PageId}}}_900000000000001","comment_id":"900000000000001_1200000000000002","created_time":1763899160,"item":"comment","parent_id":"900000000000001_1200000000000001","verb":"edited"}},
          {"field":"feed","value":{"from":{"id":"{{{PageId}}}","name":"Acme Air"},"message":"We're sorry, Jo!","post_id":"{{{PageId}}}_900000000000001","comment_id":"900000000000001_1200000000000003","created_time":1763899170,"item":"comment","parent_id":"900000000000001_1200000000000001","verb":"add"}}
        ]}]}
        """;

    public const string Messenger = $$$"""
        {"object":"page","entry":[{"id":"{{{PageId}}}","time":1763899200000,"messaging":[
          {"sender":{"id":"7300000000000011"},"recipient":{"id":"{{{PageId}}}"},"timestamp":1763899200000,"message":{"mid":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P","text":"My booking code is ABC123, where is my refund?"}},
          {"sender":{"id":"{{{PageId}}}"},"recipient":{"id":"7300000000000011"},"timestamp":1763899210000,"message":{"mid":"m_echo1","text":"Thanks, checking","is_echo":true,"app_id":1517776481860111}},
          {"sender":{"id":"7300000000000011"},"recipient":{"id":"{{{PageId}}}"},"timestamp":1763899220000,"message":{"mid":"m_photo1","attachments":[{"type":"image","payload":{"url":"https://scontent.example.test/receipt.jpg"}}]}}
        ]}]}
        """;

    public const string InstagramComments = $$$"""
        {"object":"instagram","entry":[{"id":"{{{IgUserId}}}","time":1763899300,"changes":[
          {"field":"comments","value":{"from":{"id":"17841405555555555","username":"jo.travels"},"media":{"id":"17900000000000123","media_product_type":"FEED"},"id":"17865799348089039","text":"@acmeair still waiting for my bag"}},
          {"field":"comments","value":{"from":{"id":"17841406666666666","username":"sam"},"media":{"id":"17900000000000123","media_product_type":"FEED"},"id":"17865799348089040","parent_id":"17865799348089039","text":"same!!"}}
        ]}]}
        """;

    public const string InstagramMessages = $$$"""
        {"object":"instagram","entry":[{"id":"{{{IgUserId}}}","time":1763899400000,"messaging":[
          {"sender":{"id":"1234567890123456"},"recipient":{"id":"{{{IgUserId}}}"},"timestamp":1763899400000,"message":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDc3OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI3NjAxNzU0MzI5MTg0MDk2OjMxOTk","text":"hi, I need help with my booking"}}
        ]}]}
        """;

    public const string CommentCreated = """{"id":"900000000000001_1200000000000099"}""";

    public const string MessageSent = """{"recipient_id":"7300000000000011","message_id":"m_sent00001"}""";

    public const string OutsideWindow = """
        {"error":{"message":"(#10) This message is sent outside of allowed window.","type":"OAuthException","code":10,"error_subcode":2018278,"fbtrace_id":"AbCdEfGh123"}}
        """;

    public const string Throttled = """
        {"error":{"message":"(#4) Application request limit reached","type":"OAuthException","is_transient":true,"code":4,"fbtrace_id":"AbCdEfGh124"}}
        """;

    public const string ExpiredToken = """
        {"error":{"message":"Error validating access token: Session has expired on Sunday, 22-Nov-26 10:00:00 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEfGh125"}}
        """;
}
