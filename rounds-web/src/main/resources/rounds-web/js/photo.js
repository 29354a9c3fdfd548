// A photo from the phone's camera made small enough to send: at most 1600 px on its longer side,
// as a JPEG data URL of quality 0.8 (a few hundred kB instead of several MB).

export const MAX_SIDE = 1600;
export const QUALITY = 0.8;

async function decode(file) {
  if (window.createImageBitmap) {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch (e) { /* fall back to an <img> */ }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file as a data:image/jpeg;base64 URL, scaled down to MAX_SIDE; rejects a file that is no image. */
export async function downscale(file, maxSide = MAX_SIDE, quality = QUALITY) {
  const image = await decode(file);
  const width = image.width || image.naturalWidth;
  const height = image.height || image.naturalHeight;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  if (image.close) image.close();
  return canvas.toDataURL('image/jpeg', quality);
}
