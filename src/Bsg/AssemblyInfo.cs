namespace BsgKit.Bsg;
