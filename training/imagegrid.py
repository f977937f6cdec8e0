"""Image grids as PNG, written with numpy + zlib only (no PIL needed on the training machine)."""
import struct
import zlib

import numpy as np


def write_png(path, rgb):
    """Write an [H, W, 3] uint8 array as an 8-bit RGB PNG."""
    height, width, _ = rgb.shape
    rows = np.concatenate([np.zeros((height, 1), np.uint8), rgb.reshape(height, width * 3)], axis=1)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(rows.tobytes(), 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def grid(images, columns, upscale=2, gap=1):
    """[N, H, W, 3] uint8 → one image, `columns` wide, each tile upscaled by pixel repetition."""
    count, height, width, _ = images.shape
    rows = -(-count // columns)
    tile_h, tile_w = height * upscale, width * upscale
    canvas = np.full((rows * (tile_h + gap) + gap, columns * (tile_w + gap) + gap, 3), 255, np.uint8)
    for i, image in enumerate(images):
        r, c = divmod(i, columns)
        big = image.repeat(upscale, 0).repeat(upscale, 1)
        canvas[gap + r * (tile_h + gap):gap + r * (tile_h + gap) + tile_h,
               gap + c * (tile_w + gap):gap + c * (tile_w + gap) + tile_w] = big
    return canvas


def to_uint8(images_nchw):
    """Generator output in [−1, 1], [N, 3, H, W] float → [N, H, W, 3] uint8."""
    array = images_nchw.detach().cpu().numpy() if hasattr(images_nchw, "detach") else images_nchw
    return np.clip(np.rint((array.transpose(0, 2, 3, 1) + 1) * 127.5), 0, 255).astype(np.uint8)
