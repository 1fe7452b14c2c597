// SPDX-License-Identifier: MIT
/**
 * Ipamorelin (≈ 712 g/mol): a selective GHS-receptor agonist (no ACTH/cortisol or prolactin rise even at > 200× the
 * GH ED50, Raun 1998). IV PK from Gobburu 1999 (healthy men, 15-min infusions): t½ 2 h, CL 0.078 L/h/kg,
 * Vss 0.22 L/kg; GH production half-maximal at 214 nmol/L (152 ng/mL). SC absorption is not published.
 */
import { pkSubModel } from './drug-model.js';

const GOBBURU = 'Gobburu, Agersø, Jusko & Ynddal, Pharm Res 1999;16:1412';

/** Ipamorelin's model and dose descriptor. */
export const ipamorelin = pkSubModel({
  drug: 'ipamorelin',
  description: 'Ipamorelin: SC depot or IV, t½ 2 h, selective GHS-receptor agonist.',
  molarMassGMol: 712,
  halfLifeMin: { value: 120, source: `${GOBBURU}: terminal t½ 2 h`, evidence: 'strong' },
  volumeLPerKg: { value: 0.22, source: `${GOBBURU}: Vss 0.22 L/kg`, evidence: 'strong' },
  absorption: [
    {
      route: 'sc',
      bioavailability: {
        value: 0.8,
        source: 'assumption: typical of small SC peptides; not published for ipamorelin',
        evidence: 'weak',
      },
      ka: { value: 0.05, source: 'assumption: SC tmax ≈ 30–45 min; not published', evidence: 'weak' },
      transits: 1,
    },
  ],
  intravenous: true,
  ec50NgMl: {
    value: 152,
    source: `${GOBBURU}: SC50 214 nmol/L for GH production`,
    evidence: 'moderate',
  },
});
