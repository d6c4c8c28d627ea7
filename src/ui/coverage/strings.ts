/** The coverage legend's own strings. */
import { defineStrings } from '../i18n';

export const legendText = defineStrings({
  ramp: {
    zh: '各生活圈按步行距离内居民占比着色',
    en: 'Each circle coloured by its share of residents within the distance',
  },
  reference: { zh: '参考线 85%', en: '85 % reference' },
  facilities: { zh: '所选类型的设施', en: 'Facilities of the chosen type' },
  streets: { zh: '街道与街区（OSM，放大后显示）', en: 'Streets and blocks (OSM, when zoomed in)' },
  classes: { zh: '覆盖率分级', en: 'Coverage classes' },
});
