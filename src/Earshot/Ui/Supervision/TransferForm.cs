using System.ComponentModel.DataAnnotations;

namespace Earshot.Ui.Supervision;

/// <summary>A supervisor's transfer: to another queue, to an agent, or both, always with a reason.</summary>
public sealed class TransferForm
{
    public long? QueueId { get; set; }

    public long? AgentId { get; set; }

    [Required(ErrorMessage = "Say why the conversation moves.")]
    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    public string? Reason { get; set; }
}
