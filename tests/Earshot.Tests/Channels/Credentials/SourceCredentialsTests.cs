using Earshot.Core.Channels;

namespace Earshot.Tests.Channels.Credentials;

/// <summary>Which settings count as credentials, and how they are masked.</summary>
public sealed class SourceCredentialsTests
{
    [Theory]
    [InlineData("access_token", true)]
    [InlineData("page_access_token", true)]
    [InlineData("app_secret", true)]
    [InlineData("client_secret", true)]
    [InlineData("password", true)]
    [InlineData("app_password", true)]
    [InlineData("secret", true)]
    [InlineData("verify_token", true)]
    [InlineData("client_id", false)]
    [InlineData("query", false)]
    [InlineData("page_id", false)]
    [InlineData("instance", false)]
    public void IsSecret_SettingName_TellsCredentialsFromSettings(string key, bool secret) =>
        Assert.Equal(secret, SourceCredentials.IsSecret(key));

    [Fact]
    public void MaskSecrets_ReplacesOnlyCredentialValues() =>
        Assert.Equal("""{"client_id":"abc","client_secret":"********","limit":5}""",
            SourceCredentials.MaskSecrets("""{"client_id":"abc","client_secret":"s3cr3t","limit":5}"""));
}
