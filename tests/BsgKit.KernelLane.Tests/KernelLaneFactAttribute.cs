using BsgKit.KernelLane;

namespace BsgKit.KernelLane.Tests;

/// <summary>
/// A fact that needs the real kernel's /dev/bsg FC nodes: skipped — visibly, with the reason — unless the guest
/// script set BSGKIT_KERNEL_LANE=1. Never a vacuous pass outside the lane.
/// </summary>
public sealed class KernelLaneTheoryAttribute : TheoryAttribute
{
    public KernelLaneTheoryAttribute()
    {
        if (!RealTarget.Enabled)
            Skip = $"needs the real kernel's FC bsg nodes ({RealTarget.EnableVariable}=1, set inside the qemu guest by tests/KernelLane/run-lane.sh)";
    }
}
