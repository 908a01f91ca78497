using System.ComponentModel.DataAnnotations;
using Earshot.Triage;

namespace Earshot.Ui.Admin;

/// <summary>The workspace's bucket policy: which posts go to care, to marketing, or only to analytics.</summary>
public sealed class BucketPolicyForm
{
    [Range(0, 1_000_000_000, ErrorMessage = "Between 0 and 1,000,000,000 followers.")]
    public long InfluencerFollowers { get; set; }

    public bool ActionableToCare { get; set; }

    [StringLength(1000, ErrorMessage = "At most 1000 characters.")]
    [RegularExpression(@"^[\p{L}\p{N}_\-, ]*$", ErrorMessage = "Tags separated by commas: letters, digits, - and _.")]
    public string? CareTags { get; set; }

    [StringLength(1000, ErrorMessage = "At most 1000 characters.")]
    [RegularExpression(@"^[\p{L}\p{N}_\-, ]*$", ErrorMessage = "Tags separated by commas: letters, digits, - and _.")]
    public string? MarketingTags { get; set; }

    public static BucketPolicyForm From(BucketPolicy policy) => new()
    {
        InfluencerFollowers = policy.InfluencerFollowers,
        ActionableToCare = policy.ActionableToCare,
        CareTags = string.Join(", ", policy.CareTags),
        MarketingTags = string.Join(", ", policy.MarketingTags),
    };

    /// <summary>The policy with this form's values; the parts the form does not edit stay as they were.</summary>
    public BucketPolicy ApplyTo(BucketPolicy policy) => policy with
    {
        InfluencerFollowers = InfluencerFollowers,
        ActionableToCare = ActionableToCare,
        CareTags = Tags(CareTags),
        MarketingTags = Tags(MarketingTags),
    };

    static string[] Tags(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).Distinct()];
}
