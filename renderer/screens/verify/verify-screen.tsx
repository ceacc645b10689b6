import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import type { VerifyResult } from '../../../main/shared/card.ts';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useCamera } from '../../components/use-camera.ts';
import { useT } from '../../i18n/index.tsx';
import { formatIsoDate, spacedRmNumber } from '../format.ts';

export type VerifyScreenProps = { verify(token: string): Promise<VerifyResult | null>; onBack(): void };

const SCAN_MS = 250;

/** "Vérifier une carte": hold a card's back to the camera; the signature is checked offline. */
export function VerifyScreen({ verify, onBack }: VerifyScreenProps) {
  const { t, locale } = useT();
  const video = useRef<HTMLVideoElement>(null);
  const cameraOk = useCamera(video);
  const [result, setResult] = useState<VerifyResult | null>(null);

  useEffect(() => {
    if (result || !cameraOk) return;
    const canvas = document.createElement('canvas');
    let busy = false;
    const timer = setInterval(() => {
      const v = video.current;
      if (busy || !v?.videoWidth) return;
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const g = canvas.getContext('2d', { willReadFrequently: true });
      if (!g) return;
      g.drawImage(v, 0, 0);
      const code = jsQR(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
      // The card's QR holds the verification page's URL with the token in its fragment (older cards: the bare token).
      if (!code || !/^CMA1\.|#CMA1\./.test(code.data)) return;
      busy = true;
      void verify(code.data).then((r) => {
        if (r) setResult(r);
        busy = false;
      });
    }, SCAN_MS);
    return () => clearInterval(timer);
  }, [result, cameraOk, verify]);

  return (
    <main id="main" className="screen verify-screen">
      <ScreenHeading>{t('verify.heading')}</ScreenHeading>
      <p className="lead">{t('verify.lead')}</p>
      {!cameraOk && (
        <div className="panel panel-warning" role="alert">
          <p>{t('verify.noCamera')}</p>
        </div>
      )}
      {cameraOk && !result && (
        <div className="camera">
          <video ref={video} muted playsInline aria-label={t('photo.camera')} />
          <p className="countdown" role="status">
            {t('verify.scanning')}
          </p>
        </div>
      )}
      {result?.ok && (
        <div className="panel panel-success" role="status">
          <h2>{t('verify.valid')}</h2>
          <dl className="facts">
            <dt>{t('space.name')}</dt>
            <dd>{result.holder}</dd>
            <dt>{t('space.rmNumber')}</dt>
            <dd className="rm">{spacedRmNumber(result.rmNumber)}</dd>
            <dt>{t('verify.year')}</dt>
            <dd>{result.year}</dd>
            <dt>{t('verify.until')}</dt>
            <dd>{formatIsoDate(result.validUntil, locale)}</dd>
          </dl>
        </div>
      )}
      {result && !result.ok && (
        <div className="panel panel-warning" role="alert">
          <h2>{t('verify.invalid')}</h2>
          <p>{t(`verify.reason.${result.reason}`)}</p>
        </div>
      )}
      {result && (
        <button type="button" className="button button-primary button-wide" onClick={() => setResult(null)}>
          {t('verify.again')}
        </button>
      )}
      <button type="button" className="button button-secondary button-wide" onClick={onBack}>
        {t('help.back')}
      </button>
    </main>
  );
}
