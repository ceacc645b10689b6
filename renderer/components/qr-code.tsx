import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text`, drawn here (no network), with its accessible name. */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 2, width: size, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? <img className="qr" src={src} alt={label} width={size} height={size} /> : null;
}
