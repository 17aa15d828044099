namespace BsgKit.Iscsi;
