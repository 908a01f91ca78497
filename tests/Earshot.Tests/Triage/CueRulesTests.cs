using Earshot.Triage.Rules;

namespace Earshot.Tests.Triage;

public class CueRulesTests
{
    static CueSignal[] Signals(string text)
    {
        Span<int> fired = stackalloc int[8];
        var n = CueRules.Default.Match(text, fired);
        return fired[..n].ToArray().Select(r => CueRules.Default.Rules[r].Signal).ToArray();
    }

    [Theory]
    [InlineData("I will talk to my LAWYER about this", CueSignal.Legal)]
    [InlineData("see you in small claims court", CueSignal.Legal)]
    [InlineData("I'm cancelling my subscription today", CueSignal.Churn)]
    [InlineData("never again, switching to a real airline", CueSignal.Churn)]
    [InlineData("the charger caught fire overnight", CueSignal.Safety)]
    [InlineData("someone hacked my account", CueSignal.Privacy)]
    [InlineData("free followers here, click here", CueSignal.Spam)]
    [InlineData("voy a darme de baja mañana", CueSignal.Churn)]
    [InlineData("je vais résilier mon abonnement", CueSignal.Churn)]
    public void Match_Cue_FiresItsSignal(string text, CueSignal signal)
    {
        var signals = Signals(text);

        Assert.Contains(signal, signals);
    }

    [Theory]
    [InlineData("there is an issue with my order")]
    [InlineData("the courtesy of your staff was great")]
    [InlineData("my data plan ran out")]
    [InlineData("")]
    public void Match_NoCue_FiresNothing(string text)
    {
        var signals = Signals(text);

        Assert.Empty(signals);
    }
}
