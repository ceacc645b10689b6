import { useEffect, useRef, useState } from 'react';
import type { FieldError } from '../../app/machine.ts';
import { Notices } from '../../components/notices.tsx';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useCamera } from '../../components/use-camera.ts';
import type { MessageKey } from '../../i18n/fr.ts';
import { useT } from '../../i18n/index.tsx';
import { captureFrame } from './capture.ts';

export type PhotoScreenProps = {
  error: FieldError | undefined;
  pending: boolean;
  /** Why the person is here, when they did not ask ("Ma carte" needs a photo first). */
  notices?: MessageKey[];
  onAccept(jpegBase64: string): void;
  onBack(): void;
  /** The screen's title: "Ma photo" for the artisan, the artisan's photo when staff take it for them. */
  heading?: MessageKey;
};

const COUNTDOWN = 3;

/**
 * "Ma photo": the kiosk's camera, framed 35:45 as the photo will be, with an oval guide, a
 * 3-second countdown, then the picture to accept or retake; the instructions follow each step.
 * The camera stops when the screen goes; the picture lives only in this screen until it is
 * accepted.
 */
export function PhotoScreen({ error, pending, notices = [], onAccept, onBack, heading = 'photo.heading' }: PhotoScreenProps) {
  const { t } = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [count, setCount] = useState<number | null>(null);
  const [shot, setShot] = useState<string | null>(null);

  const accept = useRef<HTMLButtonElement>(null);
  const take = useRef<HTMLButtonElement>(null);
  const taken = useRef(false);

  const cameraOk = useCamera(video);

  // The button pressed is replaced ("Prendre la photo" by the picture's two choices, and back):
  // the focus goes to what comes next, not to the page's body, where a keyboard or a screen
  // reader would start again from the top.
  useEffect(() => {
    if (shot) accept.current?.focus();
    else if (taken.current) take.current?.focus();
    taken.current = shot !== null;
  }, [shot]);
  const noCamera = !cameraOk;

  useEffect(() => {
    if (count === null) return;
    if (count === 0) {
      setCount(null);
      if (video.current) setShot(captureFrame(video.current));
      return;
    }
    const timer = setTimeout(() => setCount(count - 1), 1000);
    return () => clearTimeout(timer);
  }, [count]);

  return (
    <main id="main" className="screen photo-screen">
      <ScreenHeading>{t(heading)}</ScreenHeading>
      <Notices keys={notices} />
      {/* What to do now: look into the oval and take it, then check it and validate or retake. */}
      <p className="lead" aria-live="polite">
        {t(shot ? 'photo.check' : 'photo.lead')}
      </p>
      <p className="hint">{t('photo.rules')}</p>
      {error && (
        <p className="error-message" role="alert">
          {t(error.key, error.params)}
        </p>
      )}
      {noCamera ? (
        <div className="panel panel-warning" role="alert">
          <p className="lead">{t('photo.noCamera')}</p>
        </div>
      ) : (
        <>
          <div className="camera" hidden={shot !== null}>
            <video ref={video} muted playsInline aria-label={t('photo.camera')} />
            <div className="oval" aria-hidden="true" />
            {count !== null && (
              <p className="countdown" role="status">
                {t('photo.countdown', { seconds: count })}
              </p>
            )}
          </div>
          {shot && <img className="shot" src={`data:image/jpeg;base64,${shot}`} alt={t('photo.preview')} />}
          {shot ? (
            <div className="actions">
              <button
                ref={accept}
                type="button"
                className="button button-primary button-wide"
                aria-disabled={pending || undefined}
                onClick={() => !pending && onAccept(shot)}
              >
                {t('photo.accept')}
              </button>
              <button type="button" className="button button-secondary button-wide" onClick={() => setShot(null)}>
                {t('photo.retake')}
              </button>
            </div>
          ) : (
            <button
              ref={take}
              type="button"
              className="button button-primary button-wide"
              aria-disabled={count !== null || undefined}
              onClick={() => count === null && setCount(COUNTDOWN)}
            >
              {t('photo.take')}
            </button>
          )}
        </>
      )}
      <button type="button" className="button button-secondary button-wide" onClick={onBack}>
        {t('help.back')}
      </button>
    </main>
  );
}
