using System.Runtime.InteropServices;

namespace Blobs.Journal;

/// <summary>
/// Crash-safe file replacement: the bytes go to a temporary file in the same folder, which is flushed to disk
/// (fsync), renamed over the target (atomic on POSIX file systems), and the folder itself is then fsynced so that
/// the rename survives a power cut. A reader sees the old file or the new one, never a torn one.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically and durably.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():n}.tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None))
            {
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        SyncDirectory(dir);
    }

    /// <summary>fsyncs a folder (POSIX), so that a rename or creation in it is durable; nothing on Windows.</summary>
    public static void SyncDirectory(string dir)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())) return;
        int fd = Open(dir, 0 /* O_RDONLY */);
        if (fd < 0) return; // best effort: the file itself is already on disk
        try { _ = Fsync(fd); }
        finally { _ = Close(fd); }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
