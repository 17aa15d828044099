namespace BsgKit.Simulator;
