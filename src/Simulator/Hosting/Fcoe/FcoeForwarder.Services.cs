using System.Buffers.Binary;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting.Fcoe.Wire;

namespace BsgKit.Simulator.Hosting.Fcoe;

/// <summary>
/// The fabric side of the FCF: exchanges real N_Ports open with a well-known address or a simulated N_Port. The FCF is
/// the exchange responder (libfc's fc_exch rules): a request sequence is collected frame by frame (same SEQ_ID, SEQ_CNT
/// counting up, ended by END_SEQ with the sequence initiative passed), then answered in a new sequence with our RX_ID,
/// EX_CTX set and LAST_SEQ/END_SEQ/SEQ_INIT on its last frame. ABTS gets BA_ACC for an exchange we know, BA_RJT
/// otherwise.
/// </summary>
public sealed partial class FcoeForwarder
{
    private readonly byte[] _answer = new byte[Fc.Ct.CtIuHeader.MaxResponseBytes + 64];

    private void Local(VnPort vn, FcFrameHeader h, byte sof, byte eof, ReadOnlySpan<byte> payload, TimeSpan now)
    {
        if (h.Type == FcFrameCodes.TypeBls)
        {
            if (h.Rctl == FcFrameCodes.RctlBaAbts) Abort(vn, h);
            return; // BA_ACC/BA_RJT/ACKs: we never abort and run class 3 only
        }
        if (h.HasFctl(FcFrameCodes.ExchangeContext))
        {
            // A reply to an exchange we originated (RSCN): done with it.
            if (!_originated.Remove((vn.Id.Value, h.OriginatorExchangeId))) Drop(vn.Enode.Port, "FCoE: reply for an exchange the FCF did not open");
            return;
        }

        var key = (vn.Id.Value, h.OriginatorExchangeId);
        _exchanges.TryGetValue(key, out var ex);
        if (FcFrameCodes.IsInitialSof(sof) && h.ResponderExchangeId == FcFrameCodes.UnknownXid && h.HasFctl(FcFrameCodes.FirstSequence))
        {
            ex = new Exchange(vn.Id, h.DestinationId, h.OriginatorExchangeId, now)
            {
                Rctl = h.Rctl, Type = h.Type, SequenceId = h.SequenceId, NextSequenceCount = h.SequenceCount,
            };
            _exchanges[key] = ex;
        }
        else if (ex is null || ex.State != ExchangeState.Receiving)
        {
            Drop(vn.Enode.Port, "FCoE: frame of an exchange the FCF does not have open");
            return;
        }
        else if (h.SequenceId != ex.SequenceId || h.SequenceCount != ex.NextSequenceCount)
        {
            Drop(vn.Enode.Port, "FCoE: sequence error (SEQ_ID/SEQ_CNT out of order)");
            ex.State = ExchangeState.Unanswered;
            return;
        }
        ex.LastSequenceCount = h.SequenceCount;
        ex.NextSequenceCount = (ushort)(h.SequenceCount + 1);
        foreach (var b in payload) ex.Payload.Add(b);
        if (!h.HasFctl(FcFrameCodes.EndSequence)) return;
        if (!h.HasFctl(FcFrameCodes.SequenceInitiative))
        {
            Drop(vn.Enode.Port, "FCoE: request sequence ended without passing the sequence initiative");
            ex.State = ExchangeState.Unanswered;
            return;
        }
        ex.RxId = NextRxId();
        Answer(vn, ex);
    }

    private void Answer(VnPort vn, Exchange ex)
    {
        var request = ex.Payload.ToArray();
        var answered = ex.Type switch
        {
            FcFrameCodes.TypeEls when ex.Rctl == FcFrameCodes.RctlElsRequest => Els(vn, ex, request),
            FcFrameCodes.TypeCt when ex.Rctl == FcFrameCodes.RctlUnsolicitedControl => Ct(vn, ex, request),
            FcFrameCodes.TypeFcp when ex.Rctl == FcFrameCodes.RctlUnsolicitedCommand => Fcp(vn, ex, request),
            _ => false,
        };
        ex.State = answered ? ExchangeState.Answered : ExchangeState.Unanswered;
        if (answered) Statistics.RequestsAnswered++;
        else Statistics.RequestsUnanswered++;
    }

    /// <summary>Replies in one sequence that ends the exchange.</summary>
    private void Reply(VnPort vn, Exchange ex, byte rctl, ReadOnlySpan<byte> payload) =>
        SendSequence(vn, ex.Destination, ex.OxId, ex.RxId, rctl, ex.Type, (byte)(ex.SequenceId + 1), payload,
            FcFrameCodes.ExchangeContext, FcFrameCodes.LastSequence | FcFrameCodes.EndSequence | FcFrameCodes.SequenceInitiative,
            relativeOffset: payload.Length > vn.MaxPayload);

    // ---------------------------------------------------------------- ELS

    private bool Els(VnPort vn, Exchange ex, byte[] request)
    {
        var d = ex.Destination;
        var simulated = d.IsWellKnown || (d.Value & 0xFFFF00) == 0xFFFC00 ? null : _fabric.FindPort(d);
        if (simulated is not null && Disappears(simulated, FrameType.Els, request)) return false;
        var answer = _answer.AsSpan();
        int length;
        if (request.Length == 0)
            length = LsRjt.Build(answer, new LsRjt(LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength));
        else if (d.IsWellKnown || simulated is null)
            length = request[0] switch
            {
                ElsCommands.Plogi when d == FcId.DirectoryServer || d == FcId.ManagementServer || d == FcId.FabricController =>
                    PortLogin(vn, d, SimFabric.ServerPortName(d, FabricName), FabricName, request, answer),
                ElsCommands.Logo when d.IsWellKnown => LogoutOf(vn, d, answer),
                ElsCommands.Scr when d == FcId.FabricController => StateChangeRegistration(vn, request, answer),
                ElsCommands.Rrq => ElsReply.BuildAccept(answer),
                _ => -1,
            };
        else if (simulated.IsHost || !simulated.Online || (vn.Fabric is not null && !_fabric.Zoning.CanSee(vn.Fabric, simulated)))
            return false; // hard zoning (or a host port of the scenario's machine, which nobody on the wire can reach)
        else
            length = request[0] switch
            {
                ElsCommands.Plogi => PortLogin(vn, d, simulated.PortName, simulated.NodeName, request, answer),
                ElsCommands.Prli => ProcessLogin(vn, simulated, request, answer),
                ElsCommands.Prlo => ProcessLogout(vn, simulated, request, answer),
                ElsCommands.Logo => LogoutOf(vn, d, answer),
                ElsCommands.Rrq => ElsReply.BuildAccept(answer),
                ElsCommands.Rec => LsRjt.Build(answer, new LsRjt(LsRjtReasons.UnableToPerform, LsRjtExplanations.InvalidOxIdRxId)),
                _ => -1,
            };
        if (length < 0) return ThroughFabric(vn, ex, FrameType.Els, request);
        Reply(vn, ex, FcFrameCodes.RctlElsReply, answer[..length]);
        return true;
    }

    /// <summary>A "disappear" fault on a simulated N_Port: it leaves the fabric now (RSCN to whoever may see it); the frame that found it gets no answer.</summary>
    private bool Disappears(SimNPort port, FrameType type, ReadOnlySpan<byte> request)
    {
        if (_fabric.Faults.Fire(port.Id, port.PortName, _fabric.CommandName(type, request), BsgKit.Simulator.Faults.FaultKinds.Disappear) is not { } fault) return false;
        Event($"fault {fault.Kind} on {port.PortName} ({port.Id}): it leaves the fabric");
        _fabric.Detach(port.Id);
        foreach (var vn in _vnPorts.Values) { vn.PortLogins.Remove(port.Id.Value); vn.ProcessLogins.Remove(port.Id.Value); }
        NotifyStateChange(port.Id, port, except: null);
        return true;
    }

    private int PortLogin(VnPort vn, FcId destination, Wwn portName, Wwn nodeName, byte[] request, Span<byte> answer)
    {
        try { Plogi.ParseRequest(request); }
        catch (Fc.Wire.FcWireFormatException) { return LsRjt.Build(answer, new LsRjt(LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength)); }
        vn.PortLogins.Add(destination.Value);
        vn.ProcessLogins.Remove(destination.Value);
        // N_Port login parameters as a target advertises them: CIRO, 2112-byte frames, 255 sequences, class 3 only.
        return Plogi.BuildAccept(answer, ServiceParameters.WithClass3(
            new CommonServiceParameters(0x20, 0x20, 10, 0x8000, FcoeFrame.MaxPayload, 255u << 16 | 0x1F, _options.EdTovMs),
            portName, nodeName,
            new ClassServiceParameters((ushort)(ElsServiceParameterBits.ClassValid | SequentialDelivery), 0, 0, FcoeFrame.MaxPayload, 255, 0, 1)));
    }

    private static int LogoutOf(VnPort vn, FcId destination, Span<byte> answer)
    {
        vn.PortLogins.Remove(destination.Value);
        vn.ProcessLogins.Remove(destination.Value);
        return Logo.BuildAccept(answer);
    }

    private int StateChangeRegistration(VnPort vn, byte[] request, Span<byte> answer)
    {
        byte function;
        try { function = Scr.ParseRequest(request); }
        catch (Fc.Wire.FcWireFormatException) { return LsRjt.Build(answer, new LsRjt(LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength)); }
        vn.ScrFunction = function == Scr.ClearRegistrations ? (byte)0 : function;
        Event($"SCR from {vn.Id}: registration function {function}");
        return Scr.BuildAccept(answer);
    }

    private static int ProcessLogin(VnPort vn, SimNPort target, byte[] request, Span<byte> answer)
    {
        if (!vn.PortLogins.Contains(target.Id.Value))
            return LsRjt.Build(answer, new LsRjt(LsRjtReasons.UnableToPerform, LsRjtExplanations.NPortLoginRequired));
        IReadOnlyList<PrliPage> pages;
        try { pages = Prli.ParseRequest(request); }
        catch (Fc.Wire.FcWireFormatException) { return LsRjt.Build(answer, new LsRjt(LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength)); }
        if (pages.Count == 0 || pages[0].Type != Fc4Types.Fcp || !target.Fc4Types.Contains(Fc4Types.Fcp))
            return LsRjt.Build(answer, new LsRjt(LsRjtReasons.UnableToPerform, LsRjtExplanations.RequestNotSupported));
        var roles = target.Roles;
        var parameters = (roles.Contains("FCP Target") ? PrliPage.FcpTargetFunction | PrliPage.FcpReadXferRdyDisabled : 0)
                         | (roles.Contains("FCP Initiator") ? PrliPage.FcpInitiatorFunction : 0);
        vn.ProcessLogins.Add(target.Id.Value);
        return Prli.BuildAccept(answer, [new PrliPage(Fc4Types.Fcp, PrliPage.EstablishImagePair | PrliPage.ResponseRequestExecuted, (uint)parameters)]);
    }

    private static int ProcessLogout(VnPort vn, SimNPort target, byte[] request, Span<byte> answer)
    {
        vn.ProcessLogins.Remove(target.Id.Value);
        var length = Math.Min(request.Length, answer.Length);
        request.AsSpan(0, length).CopyTo(answer);
        answer[0] = ElsCommands.LsAcc;
        if (length >= Prli.HeaderLength + PrliPage.Length) answer[Prli.HeaderLength + 2] = PrliPage.ResponseRequestExecuted;
        return Math.Max(length, 4);
    }

    // ---------------------------------------------------------------- CT and everything the simulated fabric answers

    private bool Ct(VnPort vn, Exchange ex, byte[] request)
    {
        if (!ex.Destination.IsWellKnown && _fabric.FindPort(ex.Destination) is { } port && Disappears(port, FrameType.Ct, request)) return false;
        return ThroughFabric(vn, ex, FrameType.Ct, request);
    }

    /// <summary>Runs the request through the simulated fabric (its servers, its N_Ports' ELS responders, its faults).</summary>
    private bool ThroughFabric(VnPort vn, Exchange ex, FrameType type, byte[] request)
    {
        var result = _fabric.Exchange(vn.Id, ex.Destination, type, request, _answer);
        switch (result.Outcome)
        {
            case ExchangeOutcome.Response:
                Reply(vn, ex, type == FrameType.Els ? FcFrameCodes.RctlElsReply : FcFrameCodes.RctlSolicitedControl, _answer.AsSpan(0, result.ResponseLength));
                return true;
            case ExchangeOutcome.NoResponse:
                return false;
            default:
            {
                // F_BSY / P_BSY / F_RJT / P_RJT as the link-control frame a switch sends. libfc drops link-control
                // frames (fc_exch_recv_bls: "ignore junk"), so its request ends in a timeout either way.
                var rctl = result.Outcome switch
                {
                    ExchangeOutcome.FabricBusy => FcFrameCodes.RctlFabricBusy,
                    ExchangeOutcome.PortBusy => FcFrameCodes.RctlPortBusy,
                    ExchangeOutcome.FabricReject => FcFrameCodes.RctlFabricReject,
                    _ => FcFrameCodes.RctlPortReject,
                };
                var header = new FcFrameHeader(rctl, vn.Id, ex.Destination, FcFrameCodes.TypeBls,
                    FcFrameCodes.ExchangeContext | FcFrameCodes.SequenceContext | FcFrameCodes.LastSequence | FcFrameCodes.EndSequence,
                    ex.SequenceId, ex.LastSequenceCount, ex.OxId, ex.RxId, 0x01u << 24 | (uint)result.Reason << 16 | (uint)result.Explanation << 8);
                var n = FcoeFrame.Build(_tx, vn.Mac, vn.Enode.Port.Address, FcFrameCodes.SofN3, header, [], FcFrameCodes.EofT);
                Transmit(vn.Enode.Port, _tx.AsSpan(0, n), $"FCoE {FcFrameCodes.Rctl.NameOf(rctl)} {header}");
                return true;
            }
        }
    }

    // ---------------------------------------------------------------- BLS

    /// <summary>ABTS from the exchange's originator: BA_ACC when we have the exchange (it ends here), BA_RJT when we do not.</summary>
    private void Abort(VnPort vn, FcFrameHeader abts)
    {
        Span<byte> ba = stackalloc byte[12];
        byte rctl;
        var key = (vn.Id.Value, abts.OriginatorExchangeId);
        if (_exchanges.TryGetValue(key, out var ex) && ex.Destination == abts.DestinationId &&
            (abts.ResponderExchangeId == FcFrameCodes.UnknownXid || abts.ResponderExchangeId == ex.RxId))
        {
            // BA_ACC (FC-LS): SEQ_ID valid + last SEQ_ID we received, OX_ID, RX_ID, lowest and highest SEQ_CNT.
            rctl = FcFrameCodes.RctlBaAcc;
            ba.Clear();
            ba[0] = 0x80;
            ba[1] = ex.SequenceId;
            BinaryPrimitives.WriteUInt16BigEndian(ba[4..], ex.OxId);
            BinaryPrimitives.WriteUInt16BigEndian(ba[6..], ex.RxId);
            BinaryPrimitives.WriteUInt16BigEndian(ba[8..], 0);
            BinaryPrimitives.WriteUInt16BigEndian(ba[10..], abts.SequenceCount);
            _exchanges.Remove(key);
            Event($"ABTS from {vn.Id} for ox=0x{abts.OriginatorExchangeId:x4}: BA_ACC");
        }
        else
        {
            rctl = FcFrameCodes.RctlBaRjt;
            ba = ba[..4];
            ba.Clear();
            ba[1] = 0x03; // logical error
            ba[2] = 0x03; // invalid OX_ID-RX_ID combination
            Event($"ABTS from {vn.Id} for unknown ox=0x{abts.OriginatorExchangeId:x4}: BA_RJT");
        }
        var header = new FcFrameHeader(rctl, vn.Id, abts.DestinationId, FcFrameCodes.TypeBls,
            FcFrameCodes.ExchangeContext | FcFrameCodes.LastSequence | FcFrameCodes.EndSequence | FcFrameCodes.SequenceInitiative,
            (byte)(abts.SequenceId + 1), 0, abts.OriginatorExchangeId, ex?.RxId ?? abts.ResponderExchangeId, 0);
        var n = FcoeFrame.Build(_tx, vn.Mac, vn.Enode.Port.Address, FcFrameCodes.SofI3, header, ba, FcFrameCodes.EofT);
        Transmit(vn.Enode.Port, _tx.AsSpan(0, n), $"FCoE {FcFrameCodes.Rctl.NameOf(rctl)} {header}");
    }

    // ---------------------------------------------------------------- FCP

    /// <summary>
    /// FCP_CMND to a simulated target after PRLI: its LUN 0 is the simulator's disk (SimScsiDeviceNode: INQUIRY, REPORT
    /// LUNS, TEST UNIT READY, READ CAPACITY, MODE SENSE, READ of zeros; writes get DATA PROTECT), any other LUN answers
    /// INQUIRY with "no LUN here" and LOGICAL UNIT NOT SUPPORTED otherwise, so the host's SCSI scan ends at once.
    /// Data goes in one FCP_DATA sequence (relative offsets), then FCP_RSP with status, residual and sense.
    /// </summary>
    private bool Fcp(VnPort vn, Exchange ex, byte[] iu)
    {
        var target = _fabric.FindPort(ex.Destination);
        if (target is null || !vn.ProcessLogins.Contains(ex.Destination.Value) || iu.Length < 32) return false;
        var lun = BinaryPrimitives.ReadUInt64BigEndian(iu);
        var tmf = iu[10];
        var readData = (iu[11] & 0x02) != 0;
        var additional = (iu[11] >> 2) * 4;
        if (iu.Length < 32 + additional) return false;
        var cdb = iu.AsSpan(12, 16 + additional);
        var fcpDl = (int)BinaryPrimitives.ReadUInt32BigEndian(iu.AsSpan(28 + additional));

        Span<byte> rsp = stackalloc byte[24 + 8 + 96];
        rsp.Clear();
        var rspLength = 24;
        if (tmf != 0)
        {
            // Task management (LUN reset, abort task set …): function complete.
            rsp[10] = 0x01; // FCP_RSP_LEN_VALID
            BinaryPrimitives.WriteUInt32BigEndian(rsp[20..], 8);
            rspLength += 8;
            SendFcpResponse(vn, ex, rsp[..rspLength], dataSent: false);
            return true;
        }
        var data = new byte[Math.Clamp(readData ? fcpDl : 0, 0, 1 << 20)];
        byte status;
        byte[] sense;
        int n;
        if (lun == 0)
            (status, sense, n) = DiskOf(target).Execute(cdb, data);
        else
            (status, sense, n) = Kernel.SimScsiDeviceNode.NoLogicalUnit(cdb, data);
        if (n > 0) SendSequence(vn, ex.Destination, ex.OxId, ex.RxId, FcFrameCodes.RctlSolicitedData, FcFrameCodes.TypeFcp,
            (byte)(ex.SequenceId + 1), data.AsSpan(0, n), FcFrameCodes.ExchangeContext, FcFrameCodes.EndSequence, relativeOffset: true);
        rsp[11] = status;
        if (n < fcpDl)
        {
            rsp[10] |= 0x08; // FCP_RESID_UNDER
            BinaryPrimitives.WriteUInt32BigEndian(rsp[12..], (uint)(fcpDl - n));
        }
        if (sense.Length > 0)
        {
            rsp[10] |= 0x02; // FCP_SNS_LEN_VALID
            BinaryPrimitives.WriteUInt32BigEndian(rsp[16..], (uint)sense.Length);
            sense.CopyTo(rsp[24..]);
            rspLength += sense.Length;
        }
        SendFcpResponse(vn, ex, rsp[..rspLength], dataSent: n > 0);
        return true;
    }

    private void SendFcpResponse(VnPort vn, Exchange ex, ReadOnlySpan<byte> rsp, bool dataSent) =>
        SendSequence(vn, ex.Destination, ex.OxId, ex.RxId, FcFrameCodes.RctlCommandStatus, FcFrameCodes.TypeFcp,
            (byte)(ex.SequenceId + (dataSent ? 2 : 1)), rsp, FcFrameCodes.ExchangeContext,
            FcFrameCodes.LastSequence | FcFrameCodes.EndSequence | FcFrameCodes.SequenceInitiative, relativeOffset: false);
}
