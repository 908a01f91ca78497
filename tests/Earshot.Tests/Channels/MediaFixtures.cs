namespace Earshot.Tests.Channels;

/// <summary>Small image files with real signatures, and their sizes padded as a test needs.</summary>
static class MediaFixtures
{
    public static byte[] Png(int size = 64) => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], size);

    public static byte[] Jpeg(int size = 64) => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0], size);

    public static byte[] Gif(int size = 64) => Pad("GIF89a"u8.ToArray(), size);

    public static byte[] Pdf(int size = 64) => Pad("%PDF-1.7"u8.ToArray(), size);

    static byte[] Pad(byte[] header, int size)
    {
        var bytes = new byte[Math.Max(size, header.Length)];
        header.CopyTo(bytes, 0);
        for (var i = header.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }
        return bytes;
    }
}
