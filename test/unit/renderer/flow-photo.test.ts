import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visitReducer } from '../../../renderer/app/visit-machine.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { CARD, ON } from '../../support/machine-states.ts';

describe('"Ma carte" and the photo', () => {
  it('without a photo, "Ma carte" leads to "Ma photo" first, with the sentence that says why', () => {
    const s = visitReducer(ON.space(), { type: 'opened-card', card: { ...CARD, photo: null } });
    assert.deepEqual([s.screen, s.notices], ['photo', ['photo.needed']]);
    assert.match(fr['photo.needed'], /^Votre carte a besoin d’une photo : prenons-la maintenant\./);
    assert.match(en['photo.needed'], /^Your card needs a photo/);
  });
  it('with a photo, the card itself, with what was just done', () => {
    const s = visitReducer(ON.photo(), { type: 'opened-card', card: CARD, notices: ['photo.saved'] });
    assert.deepEqual([s.screen, s.notices], ['card', ['photo.saved']]);
  });
});
