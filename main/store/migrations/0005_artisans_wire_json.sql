-- Activities and addresses are now kept in the registry's wire shape, so that a sync stores
-- them as they arrive instead of reshaping every row:
--   activities: [{code, label, main}]              -> [{codeAprm, descriptionDetaillee, indicateurPrincipal}]
--   address:    {line1, line2, postalCode, city}   -> {voie, complement, codePostal, commune}
-- Rows already in the new shape are left alone.
UPDATE artisans SET activities = (
  SELECT json_group_array(json_object(
    'codeAprm', a.value->>'code',
    'descriptionDetaillee', a.value->>'label',
    'indicateurPrincipal', json(CASE WHEN a.value->>'main' THEN 'true' ELSE 'false' END)))
  FROM json_each(artisans.activities) AS a
) WHERE json_array_length(activities) > 0 AND activities->>'$[0].code' IS NOT NULL;

UPDATE artisans SET address = json_object(
  'voie', address->>'line1',
  'complement', address->>'line2',
  'codePostal', address->>'postalCode',
  'commune', address->>'city'
) WHERE address->>'line1' IS NOT NULL;
