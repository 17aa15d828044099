namespace BsgKit.Fc.Codes;

/// <summary>
/// The request kinds that change fabric or port state, so clients can refuse them unless the caller opts in
/// (FcClientOptions.AllowStateChanges, bsgkit --yes-i-mean-it). Reads (queries, ECHO, RLS, RNID …) are not listed.
/// </summary>
public static class StateChangingRequests
{
    /// <summary>
    /// FC-GS gives every server the same code blocks: 0x01xx get, 0x02xx register (name server RPN_ID …, FDMI RHBA/RPA,
    /// zone server ADZS/AZS activate, configuration server RIELN/RPL), 0x03xx deregister (DA_ID, DHBA, DPRT, zone
    /// server RZM/RZD/RZS remove, DPL), 0x04xx ping (FPNG, a read).
    /// </summary>
    public const ushort FirstRegisterCommand = 0x0200, LastDeregisterCommand = 0x03FF;

    /// <summary>The ELS commands that log in or out, register, reset or reconfigure something (FC-LS).</summary>
    private static readonly CodeTable Els = new("State-changing ELS",
        (ElsCommands.Plogi, "logs in to the port (PLOGI)"),
        (ElsCommands.Flogi, "logs in to the fabric (FLOGI)"),
        (ElsCommands.Logo, "logs the port out (LOGO)"),
        (ElsCommands.Abtx, "aborts an exchange (ABTX)"),
        (ElsCommands.Res, "resets exchange status (RES)"),
        (ElsCommands.Rrq, "reinstates a recovery qualifier (RRQ)"),
        (ElsCommands.Rdf, "registers diagnostic functions (RDF)"),
        (ElsCommands.Prli, "logs in a process (PRLI)"),
        (ElsCommands.Prlo, "logs out a process (PRLO)"),
        (ElsCommands.Tprlo, "logs out third-party processes (TPRLO)"),
        (ElsCommands.Lclm, "clears login state (LCLM)"),
        (ElsCommands.Fact, "activates a fabric alias (FACT)"),
        (ElsCommands.Fdacdt, "deactivates a fabric alias (FDACDT)"),
        (ElsCommands.Nact, "activates an N_Port alias (NACT)"),
        (ElsCommands.Ndact, "deactivates an N_Port alias (NDACT)"),
        (ElsCommands.Qosr, "requests a quality-of-service change (QOSR)"),
        (ElsCommands.Fdisc, "logs a virtual port in to the fabric (FDISC)"),
        (ElsCommands.Fan, "announces fabric addresses (FAN)"),
        (ElsCommands.Rscn, "sends a state change notification (RSCN)"),
        (ElsCommands.Scr, "registers for state change notifications (SCR)"),
        (ElsCommands.Linit, "initializes a loop (LINIT)"),
        (ElsCommands.Lirr, "registers for link incident records (LIRR)"),
        (ElsCommands.Srl, "makes the fabric scan a remote loop, a loop initialization (SRL)"),
        (ElsCommands.Lcb, "turns the link cable beacon on or off (LCB)"),
        (ElsCommands.AuthEls, "authenticates, changing security state (AUTH_ELS)"));

    /// <summary>What a CT request would change, or null when it only reads.</summary>
    public static string? DescribeCt(byte gsType, byte gsSubtype, ushort command)
    {
        if (command is < FirstRegisterCommand or > LastDeregisterCommand) return null;
        return DescribeChange(gsType, gsSubtype, command);
    }

    // Out of line: every CT request asks, and the message's string handler would otherwise widen each caller's frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string DescribeChange(byte gsType, byte gsSubtype, ushort command)
    {
        var verb = command < 0x0300 ? "registers or adds" : "deregisters or removes";
        return $"{GsTypes.CommandName(gsType, gsSubtype, command)} {verb} objects on the {GsTypes.DescribeServer(gsType, gsSubtype)}";
    }

    /// <summary>What an ELS would change, or null when it only reads.</summary>
    public static string? DescribeEls(byte command) => Els.Find(command);
}
