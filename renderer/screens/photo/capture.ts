/** The ID photo's proportions (35 x 45 mm) and the size kept: enough for a 300 dpi print. */
export const PHOTO_WIDTH = 413;
export const PHOTO_HEIGHT = 531;
export const MAX_JPEG_BYTES = 200 * 1024;

/**
 * Crops the video frame to 35:45 around its centre (where the oval guide is), scales it to
 * PHOTO_WIDTH x PHOTO_HEIGHT and encodes it as JPEG, lowering the quality until it fits in
 * 200 KB. Returns the base64 of the JPEG, or null when the camera gave no picture.
 */
export function captureFrame(video: HTMLVideoElement): string | null {
  const vw = video.videoWidth;
  const vh = video.videoHeight;
  if (!vw || !vh) return null;
  const ratio = PHOTO_WIDTH / PHOTO_HEIGHT;
  const cropH = Math.min(vh, vw / ratio);
  const cropW = cropH * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = PHOTO_WIDTH;
  canvas.height = PHOTO_HEIGHT;
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.drawImage(video, (vw - cropW) / 2, (vh - cropH) / 2, cropW, cropH, 0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
  for (let quality = 0.9; quality >= 0.4; quality -= 0.1) {
    const base64 = canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? '';
    if ((base64.length * 3) / 4 <= MAX_JPEG_BYTES) return base64;
  }
  return null;
}
