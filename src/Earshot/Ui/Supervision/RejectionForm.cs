using System.ComponentModel.DataAnnotations;

namespace Earshot.Ui.Supervision;

/// <summary>The reason a supervisor gives the agent when rejecting a held reply.</summary>
public sealed class RejectionForm
{
    [Required(ErrorMessage = "Tell the agent what to change.")]
    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    public string? Reason { get; set; }
}
