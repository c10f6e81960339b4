/**
 * The norm set orbwatch ships (`orbwatch-norms` format, version 1). The summaries are orbwatch's
 * own words; each instrument names its reference so a reader can check the text itself. Users
 * replace or extend the set with `--norms FILE` (same format).
 *
 * What element sets cannot show is part of each rule: intent (whether a breakup was deliberate),
 * notice and consent between operators, and the end of a mission. Findings say "cannot be
 * assessed" where a verdict would need those, unless a published fact given with the case
 * supplies it.
 * @module
 */
import { NORM_FILE_FORMAT, NORM_FILE_VERSION } from './norm.js';

const PLEDGE_SOURCE = 'SpacePolicyOnline, "Three more countries join pledge against destructive ASAT tests" (2023-04)';
const GA_77_41_VOTE = 'UN press release on the First Committee report A/77/383, plenary meeting of 2022-12-07';

/** The default norm file, as the JSON value a user's file would hold. */
export const DEFAULT_NORM_FILE = {
  format: NORM_FILE_FORMAT,
  version: NORM_FILE_VERSION,
  norms: [
    {
      id: 'no-destructive-da-asat-tests',
      version: '1',
      title: 'No destructive direct-ascent anti-satellite missile tests',
      summary:
        'States should not test anti-satellite missiles launched from the ground in a way that destroys a satellite and leaves debris in orbit.',
      behaviour: { kinds: ['fragmentation'], labels: ['breakup', 'debris-cloud'] },
      rule: 'no-deliberate-debris-generating-destruction',
      instruments: [
        {
          name: 'UNGA A/RES/77/41 "Destructive direct-ascent anti-satellite missile testing"',
          year: 2022,
          adopted: '2022-12-07',
          bindingness: 'un-resolution',
          reference: 'A/RES/77/41 (draft A/C.1/77/62; First Committee report A/77/383)',
          vote: {
            inFavour: 155,
            against: 9,
            abstentions: 9,
            againstStates: [
              'Belarus',
              'Bolivia',
              'Central African Republic',
              'China',
              'Cuba',
              'Iran',
              'Nicaragua',
              'Russian Federation',
              'Syria',
            ],
            abstainingStates: [
              'India',
              "Lao People's Democratic Republic",
              'Madagascar',
              'Pakistan',
              'Serbia',
              'Sri Lanka',
              'Sudan',
              'Togo',
              'Zimbabwe',
            ],
            source: GA_77_41_VOTE,
          },
        },
        {
          name: 'United States commitment not to conduct destructive direct-ascent ASAT missile tests',
          year: 2022,
          adopted: '2022-04-18',
          bindingness: 'unilateral-pledge',
          reference: 'Remarks by Vice President Harris, Vandenberg Space Force Base, 2022-04-18',
        },
      ],
      supporters: [
        { who: 'United States', since: '2022-04-18', source: 'the pledge itself' },
        { who: 'Canada', since: '2022-05-09', source: PLEDGE_SOURCE },
        { who: 'New Zealand', since: '2022-07-01', source: PLEDGE_SOURCE },
        {
          who: 'Japan',
          since: '2022-09-12',
          source: 'Statement of Japan to the UN OEWG on reducing space threats, 2022-09-12',
        },
        {
          who: 'Germany',
          since: '2022-09-13',
          source: 'Statement of Germany to the UN OEWG on reducing space threats, 2022-09-13',
        },
        { who: 'United Kingdom', since: '2022-10-03', source: PLEDGE_SOURCE },
        { who: 'Republic of Korea', since: '2022-10-04', source: 'Statement to the UN First Committee, 2022-10-04' },
        { who: 'Australia', source: PLEDGE_SOURCE },
        { who: 'Switzerland', source: PLEDGE_SOURCE },
        { who: 'France', source: PLEDGE_SOURCE },
        { who: 'Netherlands', since: '2023-02-27', source: PLEDGE_SOURCE },
        { who: 'Austria', since: '2023-03-03', source: PLEDGE_SOURCE },
        { who: 'Italy', since: '2023-04-06', source: PLEDGE_SOURCE },
        { who: '155 states voting for A/RES/77/41', since: '2022-12-07', source: GA_77_41_VOTE },
      ],
      opponents: [
        { who: 'Belarus', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
        { who: 'Bolivia', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
        { who: 'Central African Republic', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
        { who: 'China', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
        { who: 'Cuba', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
        { who: 'Iran', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
        { who: 'Nicaragua', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
        { who: 'Russian Federation', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
        { who: 'Syria', since: '2022-12-07', source: `voted against A/RES/77/41: ${GA_77_41_VOTE}` },
      ],
      parameters: {},
    },
    {
      id: 'copuos-sdm-guideline-4',
      version: '1',
      title: 'Avoid intentional destruction that creates long-lived debris',
      summary:
        'Satellites and rocket stages should not be destroyed on purpose; where destruction is necessary, it should happen low enough that the fragments re-enter soon.',
      behaviour: { kinds: ['fragmentation'], labels: ['breakup', 'debris-cloud'] },
      rule: 'deliberate-destruction-low-altitude',
      instruments: [
        {
          name: 'COPUOS Space Debris Mitigation Guidelines, guideline 4',
          year: 2007,
          bindingness: 'guideline',
          reference: 'A/62/20 annex; endorsed by UNGA A/RES/62/217 (2007-12-22)',
        },
      ],
      supporters: [
        {
          who: 'COPUOS member states (adopted by consensus)',
          since: '2007-06',
          source: 'UNGA A/RES/62/217 endorsing the guidelines',
        },
      ],
      opponents: [],
      parameters: {
        maxAltitudeKm: {
          value: 400,
          unit: 'km',
          source:
            "orbwatch's reading of 'sufficiently low': below ~400 km, fragments of typical area-to-mass ratio re-enter within about a year at mean solar activity; the guideline states no number",
        },
      },
    },
    {
      id: 'post-mission-disposal',
      version: '1',
      title: 'Remove satellites from low orbit after their mission',
      summary:
        'A satellite in low Earth orbit should leave it within a set time after its mission ends: 25 years in the IADC guidelines, 5 years under the FCC rule of 2022 for US-licensed satellites.',
      behaviour: { kinds: ['maneuver'], labels: ['orbit-lowering'] },
      rule: 'post-mission-disposal',
      instruments: [
        {
          name: 'IADC Space Debris Mitigation Guidelines, section 5.3.2 (25-year practice)',
          year: 2002,
          bindingness: 'guideline',
          reference: 'IADC-02-01 (revised 2007, 2020)',
        },
        {
          name: 'FCC Second Report and Order on orbital debris (5-year rule)',
          year: 2022,
          adopted: '2022-09-29',
          bindingness: 'national-law',
          reference: 'FCC 22-74, IB Docket 22-271',
        },
      ],
      supporters: [
        { who: 'IADC member agencies', source: 'IADC-02-01' },
        { who: 'United States (FCC licensees)', since: '2022-09-29', source: 'FCC 22-74' },
      ],
      opponents: [],
      parameters: {
        disposalPerigeeKm: {
          value: 350,
          unit: 'km',
          source:
            'below ~350 km perigee a satellite re-enters within months (drag), well inside both the 5- and the 25-year limit',
        },
        longLivedPerigeeKm: {
          value: 600,
          unit: 'km',
          source:
            'above ~600 km the natural decay of a typical satellite takes longer than 25 years at mean solar activity (the usual rule of thumb behind the 25-year practice)',
        },
      },
    },
    {
      id: 'rpo-notice-consent',
      version: '1',
      title: 'Close approaches to another state’s satellite only with notice or consent',
      summary:
        'Rendezvous and proximity operations near another state’s satellite should keep a safe distance and come with notice or consent; unannounced, sustained approaches are named as behaviour that raises tensions.',
      behaviour: {
        kinds: ['proximity'],
        labels: ['docking', 'formation', 'co-passengers', 'constellation', 'drift-by', 'co-orbital', 'unexplained'],
      },
      rule: 'proximity-with-notice-or-consent',
      instruments: [
        {
          name: 'UNGA A/RES/75/36 "Reducing space threats through norms, rules and principles of responsible behaviours"',
          year: 2020,
          adopted: '2020-12-07',
          bindingness: 'un-resolution',
          reference: 'A/RES/75/36; report of the Secretary-General A/76/77 (2021)',
        },
        {
          name: 'US Department of Defense Tenets of Responsible Behavior in Space',
          year: 2021,
          adopted: '2021-07-07',
          bindingness: 'unilateral-pledge',
          reference: 'Memorandum of the Secretary of Defense, 2021-07-07',
        },
      ],
      supporters: [
        { who: 'United Kingdom (sponsor of A/RES/75/36)', since: '2020-12-07', source: 'A/RES/75/36' },
        { who: 'United States', since: '2021-07-07', source: 'DoD Tenets of Responsible Behavior in Space' },
      ],
      opponents: [
        {
          who: 'Russian Federation',
          source:
            'voted against A/RES/75/36; prefers a legally binding treaty (PPWT) to norms of behaviour (UN voting record of A/RES/75/36)',
        },
        {
          who: 'China',
          source:
            'voted against A/RES/75/36; prefers a legally binding treaty (PPWT) to norms of behaviour (UN voting record of A/RES/75/36)',
        },
      ],
      parameters: {},
    },
    {
      id: 'no-high-speed-release-near-others',
      version: '1',
      title: 'No release of objects at weapon-like speed',
      summary:
        'Releasing an object at high relative speed from a satellite, near other satellites, is treated as the test of a space-based anti-satellite weapon, not as a deployment.',
      behaviour: {
        kinds: ['release'],
        labels: ['deployment-group', 'deployment', 'ejection', 'high-speed-release', 'undetermined'],
      },
      rule: 'no-high-speed-release',
      instruments: [
        {
          name: 'USSPACECOM statement on Cosmos 2543 and object 45915',
          year: 2020,
          adopted: '2020-07-23',
          bindingness: 'national-statement',
          reference: 'US Space Command press release, 2020-07-23 (Gen. John W. Raymond)',
        },
      ],
      supporters: [
        { who: 'United States', since: '2020-07-23', source: 'USSPACECOM statement of 2020-07-23' },
        { who: 'United Kingdom', since: '2020-07-23', source: 'UK Space Directorate statement of 2020-07-23' },
      ],
      opponents: [
        {
          who: 'Russian Federation',
          since: '2020-07-24',
          source:
            'Russian Ministry of Foreign Affairs, 2020-07-24: an inspection of a Russian satellite with specialised equipment, no threat to other objects',
        },
      ],
      parameters: {},
    },
    {
      id: 'geo-keep-out-distance',
      version: '1',
      title: 'Keep-out distance around satellites in geostationary orbit (a proposal)',
      summary:
        'A proposal: no satellite should come within a set distance of another state’s satellite in the geostationary ring without consent. It is not agreed; its critics argue a fixed distance would not fit the many kinds of close approach.',
      behaviour: { kinds: ['proximity'], labels: ['co-orbital', 'drift-by', 'unexplained'] },
      rule: 'geo-keep-out-distance',
      contested:
        'Proposed, not agreed. Argued against in "Why there should not be a norm for minimum safe distance between satellites" (War on the Rocks, 2023-12).',
      instruments: [
        {
          name: 'Keep-out zones for GEO, in "Understanding and mitigating non-cooperative close approaches in geosynchronous orbit"',
          year: 2022,
          bindingness: 'proposal',
          reference: 'B. Weeden, K. Johnson, T. Roberts, Aether: A Journal of Strategic Airpower & Spacepower (2022)',
        },
      ],
      supporters: [{ who: 'proposal authors (policy research)', source: 'Aether (2022)' }],
      opponents: [{ who: 'critics of a fixed-distance norm', since: '2023-12', source: 'War on the Rocks (2023-12)' }],
      parameters: {
        keepOutKm: {
          value: 700,
          unit: 'km',
          source:
            '700 km radius proposed for military communication and missile-warning satellites in GEO, as cited by War on the Rocks (2023-12)',
        },
        geoMinPerigeeKm: {
          value: 30000,
          unit: 'km',
          source: 'the geostationary ring lies at 35,786 km; 30,000 km keeps GEO and near-GEO drift orbits',
        },
      },
    },
  ],
} as const;
