import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CardView } from '../../../main/shared/card.ts';
import { flowReducer, initialFlow } from '../../../renderer/app/flow.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';

const CARD = { rmNumber: '401234562RE067', year: 2026, photo: null } as unknown as CardView;
const space = { ...initialFlow, screen: 'space' as const };

describe('"Ma carte" and the photo', () => {
  it('without a photo, "Ma carte" leads to "Ma photo" first, with the sentence that says why', () => {
    const s = flowReducer(space, { type: 'card', card: CARD });
    assert.deepEqual([s.screen, s.notices], ['photo', ['photo.needed']]);
    assert.match(fr['photo.needed'], /^Votre carte a besoin d’une photo : prenons-la maintenant\./);
    assert.match(en['photo.needed'], /^Your card needs a photo/);
  });
  it('with a photo, the card itself, with what was just done', () => {
    const s = flowReducer(space, { type: 'card', card: { ...CARD, photo: 'data:image/jpeg;base64,/9j/' }, notices: ['photo.saved'] });
    assert.deepEqual([s.screen, s.notices], ['card', ['photo.saved']]);
  });
});
