using Earshot.Core.Listening;

namespace Earshot.Tests.Listening;

public class TermCounterTests
{
    [Fact]
    public void Top_CountsTopicWordsOncePerPost_WithoutStopWordsMentionsLinksOrNumbers()
    {
        var counter = new TermCounter();

        counter.Add("@acmeair my luggage is LOST, lost, lost!!! https://t.co/x 3 times");
        counter.Add("Luggage delayed again #LostLuggage");
        counter.Add("the the the and of to");

        var top = counter.Top(10);
        Assert.Equal([("luggage", 2), ("#lostluggage", 1), ("delayed", 1), ("lost", 1), ("times", 1)],
            top.Select(t => (t.Term, t.Posts)));
    }

    [Fact]
    public void Top_ElongatedAndTypographicForms_CountAsOneTerm()
    {
        var counter = new TermCounter();

        counter.Add("sooooo slowwww");
        counter.Add("soo slow");

        Assert.Equal(2, counter.Top(5).Single(t => t.Term == "soo").Posts);
    }

    [Fact]
    public void Top_IgnoredTerms_AreLeftOutAsWordsAndHashtags()
    {
        var counter = new TermCounter(["Acme"]);

        counter.Add("acme lost my bag #acme");

        Assert.Equal(["lost", "bag"], counter.Top(5).Select(t => t.Term).OrderByDescending(t => t.Length));
    }
}
