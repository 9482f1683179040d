using Blobs.Cli.Infrastructure;
using Blobs.Pipeline;
using Spectre.Console;

namespace Blobs.Cli.Commands.Send;

/// <summary>
/// How <c>blob send</c> shows its progress on stderr: a live Spectre display on a terminal (one row per step, a bar
/// for the per-blob commitments and proofs, a spinner while waiting for inclusion), plain "· step" lines otherwise,
/// nothing with --json. The pipeline's hooks (<see cref="Status"/>, <see cref="BlobDone"/>, <see cref="Stages"/>) are
/// synchronous, so lines never come out of order.
/// </summary>
internal abstract class SendProgress
{
    /// <summary>Picks the display for a run: quiet with --json, live when stderr is a terminal, plain lines otherwise.</summary>
    public static SendProgress For(TextWriter error, bool json) =>
        json ? new Quiet() : Terminal.IsTerminal(error) ? new Live(Terminal.ConsoleFor(error)) : new Plain(error);

    /// <summary>Status lines from the pipeline and the submitter.</summary>
    public IProgress<string> Status => new Sync<string>(OnStatus);

    /// <summary>One report per blob whose commitment and proofs are done.</summary>
    public IProgress<int> BlobDone => new Sync<int>(_ => OnBlobDone());

    /// <summary>The pipeline's steps as they start.</summary>
    public IProgress<PipelineStage> Stages => new Sync<PipelineStage>(OnStage);

    /// <summary>The number of blobs being proven (for the proof bar).</summary>
    public int Blobs { get; set; } = 1;

    /// <summary>Runs <paramref name="work"/> with the display up; returns its result.</summary>
    public virtual Task<T> RunAsync<T>(Func<Task<T>> work) => work();

    /// <summary>A step outside the pipeline (devnet start and stop).</summary>
    public abstract void Step(string text, bool done = false);

    protected abstract void OnStatus(string line);

    protected abstract void OnBlobDone();

    protected abstract void OnStage(PipelineStage stage);

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Sync<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }

    private sealed class Quiet : SendProgress
    {
        public override void Step(string text, bool done = false) { }
        protected override void OnStatus(string line) { }
        protected override void OnBlobDone() { }
        protected override void OnStage(PipelineStage stage) { }
    }

    private sealed class Plain(TextWriter error) : SendProgress
    {
        private readonly Lock _lock = new();
        private int _proven;

        public override void Step(string text, bool done = false)
        {
            lock (_lock) error.WriteLine("· " + text);
        }

        protected override void OnStatus(string line) => Step(line);

        protected override void OnBlobDone()
        {
            lock (_lock)
            {
                _proven++;
                error.WriteLine($"· blob {(_proven - 1) % Blobs + 1}/{Blobs}: commitment and proofs done");
            }
        }

        protected override void OnStage(PipelineStage stage) { }
    }

    private sealed class Live(IAnsiConsole console) : SendProgress
    {
        private readonly Lock _lock = new();
        private ProgressContext? _context;
        private ProgressTask? _current;
        private ProgressTask? _proofs;
        private ProgressTask? _step;

        public override async Task<T> RunAsync<T>(Func<Task<T>> work)
        {
            T result = default!;
            await console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    lock (_lock) _context = ctx;
                    try { result = await work().ConfigureAwait(false); }
                    finally
                    {
                        lock (_lock)
                        {
                            Finish();
                            _context = null;
                        }
                    }
                }).ConfigureAwait(false);
            return result;
        }

        public override void Step(string text, bool done = false)
        {
            lock (_lock)
            {
                if (_context is null) { console.MarkupLine("· " + Markup.Escape(text)); return; }
                // A step that ends the running one renames its row ("Starting a devnet" → "Devnet: anvil at …").
                if (done && _current is not null && _current == _step) _current.Description = Describe(Capitalize(text));
                else _step = Begin(Capitalize(text), indeterminate: !done);
                if (done) Finish();
            }
        }

        protected override void OnStatus(string line)
        {
            lock (_lock)
            {
                // The submitter names the proof kind ("computing commitments and cell proofs for 3 blob(s)") and a fallback
                // ("node refused the v0 sidecar; recomputing proofs as v1"): show them on the proof row.
                if (_current is not null && line.StartsWith("computing commitments", StringComparison.Ordinal) && _current == _proofs)
                    _current.Description = Describe(Capitalize(line));
                else if (line.Contains("recomputing", StringComparison.Ordinal) && _context is not null)
                {
                    _proofs = Begin(Capitalize(line), indeterminate: false, Blobs);
                }
            }
        }

        protected override void OnBlobDone()
        {
            lock (_lock) _proofs?.Increment(1);
        }

        protected override void OnStage(PipelineStage stage)
        {
            lock (_lock)
            {
                if (_context is null) return;
                switch (stage)
                {
                    case PipelineStage.Encoding: Begin("Encoding the batch into blobs", indeterminate: true); break;
                    case PipelineStage.Proving: _proofs = Begin($"Computing commitments and proofs for {Blobs} blob(s)", indeterminate: false, Blobs); break;
                    case PipelineStage.CheckingFunds: Begin("Checking the sender's balance", indeterminate: true); break;
                    case PipelineStage.Sending: Begin("Sending the transaction", indeterminate: true); break;
                    case PipelineStage.WaitingForInclusion: Begin("Waiting for inclusion", indeterminate: true); break;
                    case PipelineStage.FetchingBack: Begin("Fetching the blobs back (beacon API), re-committing", indeterminate: true); break;
                    case PipelineStage.Verifying: Begin("Decoding and comparing with the batch", indeterminate: true); break;
                }
            }
        }

        private ProgressTask Begin(string text, bool indeterminate, double max = 1)
        {
            Finish();
            var task = _context!.AddTask(Describe(text), autoStart: true, maxValue: max);
            task.IsIndeterminate = indeterminate;
            _current = task;
            return task;
        }

        private void Finish()
        {
            if (_current is null) return;
            _current.IsIndeterminate = false;
            _current.Value = _current.MaxValue;
            _current.StopTask();
            _current = null;
        }

        private static string Describe(string text) => Markup.Escape(text.Length <= 60 ? text : text[..59] + "…");

        private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    }
}
