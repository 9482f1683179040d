using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Blobs.Benchmarks.Codecs;

/// <summary>Adds the MB/s column (payload bytes per second, 10^6 bytes) to the codec benchmarks.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());

    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Payload megabytes (10^6 bytes) per second";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            if (stats is null) return "-";
            long bytes = benchmarkCase.Descriptor.Type == typeof(CompressionBenchmarks)
                ? CompressionBenchmarks.Payload().Length
                : CodecBenchmarks.PayloadFor((string)benchmarkCase.Parameters["Codec"]).Length;
            double mbps = bytes / (stats.Mean / 1e9) / 1e6;
            return mbps.ToString(mbps < 10 ? "0.00" : "N0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
