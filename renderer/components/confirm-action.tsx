import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/index.tsx';

/**
 * One action asked twice, the console's one way of doing it: a tap on an action that cannot be
 * undone (money, a secret, a colleague, the kiosk itself) only puts a question in the button's
 * place. The question takes the focus, so that a keyboard or a screen reader follows it instead of
 * landing at the top of the page; "Annuler" gives the focus back to the button it replaced.
 *
 * `T` is what is being asked about (a method, an order id...): one question at a time per hook.
 */
export function useConfirmation<T>() {
  const questionId = useId();
  const [asking, setAsking] = useState<T | null>(null);
  const trigger = useRef<string | null>(null);
  const [backs, setBacks] = useState(0);
  useEffect(() => {
    if (asking !== null) document.getElementById(questionId)?.focus();
  }, [asking, questionId]);
  useEffect(() => {
    if (backs > 0 && trigger.current) document.getElementById(trigger.current)?.focus();
  }, [backs]);
  return {
    asking,
    questionId,
    /** Opens the question about `value`; `triggerId` is the button that gets the focus back on "Annuler". */
    ask(value: T, triggerId: string) {
      trigger.current = triggerId;
      setAsking(value);
    },
    /** "Annuler": nothing done, the focus back on the button. */
    cancel() {
      setAsking(null);
      setBacks((n) => n + 1);
    },
    /** The action was confirmed (or done otherwise): the question goes. */
    close() {
      setAsking(null);
    },
  };
}

export type ConfirmQuestionProps = {
  /** The id the question must carry (`useConfirmation().questionId`): it gets the focus. */
  id: string;
  question: string;
  confirmLabel: string;
  /** "Annuler" unless that word would read as the action itself (the question is about cancelling). */
  cancelLabel?: string;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
};

/** The question in the button's place: its words name the group, then "confirm" and "Annuler". */
export function ConfirmQuestion({ id, question, confirmLabel, cancelLabel, pending, onConfirm, onCancel }: ConfirmQuestionProps) {
  const { t } = useT();
  return (
    <fieldset className="confirm">
      <legend id={id} tabIndex={-1}>
        {question}
      </legend>
      <div className="space-actions">
        <button type="button" className="button button-primary" aria-disabled={pending || undefined} onClick={() => !pending && onConfirm()}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {cancelLabel ?? t('confirm.cancel')}
        </button>
      </div>
    </fieldset>
  );
}

export type ConfirmActionProps = {
  /** The button's id, unique on the page: the focus comes back to it. */
  id: string;
  label: string;
  question: string;
  confirmLabel: string;
  kind?: 'primary' | 'secondary';
  pending: boolean;
  onConfirm(): void;
};

/** A single button whose action is asked twice (see `useConfirmation`). */
export function ConfirmAction({ id, label, question, confirmLabel, kind = 'secondary', pending, onConfirm }: ConfirmActionProps) {
  const c = useConfirmation<true>();
  if (c.asking)
    return (
      <ConfirmQuestion
        id={c.questionId}
        question={question}
        confirmLabel={confirmLabel}
        pending={pending}
        onConfirm={() => {
          c.close();
          onConfirm();
        }}
        onCancel={c.cancel}
      />
    );
  return (
    <button id={id} type="button" className={`button button-${kind}`} aria-disabled={pending || undefined} onClick={() => !pending && c.ask(true, id)}>
      {label}
    </button>
  );
}
