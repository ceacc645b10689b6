import { type RefObject, useEffect, useState } from 'react';

/**
 * Starts the kiosk's camera into `video` while the screen is shown, and stops it when the
 * screen goes. Returns false once it is known that there is no camera to use.
 */
export function useCamera(video: RefObject<HTMLVideoElement | null>): boolean {
  const [available, setAvailable] = useState(true);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    if (!navigator.mediaDevices) {
      setAvailable(false);
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then((s) => {
        stream = s;
        // The screen went away while the camera was starting: stop it at once.
        if (!live) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
      })
      .catch(() => live && setAvailable(false));
    return () => {
      live = false;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [video]);
  return available;
}
