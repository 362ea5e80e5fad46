import { CHONGQING_PROFILE } from './profiles/chongqing';
import { HUBEI_2020_PROFILE } from './profiles/hubei2020';
import { NATIONAL_PROFILE, type Profile } from './profile';
import { SICHUAN_0013ZP_PROFILE } from './profiles/sichuan0013zp';
import { YUNNAN_PROFILE } from './profiles/yunnan';

/** Every profile, the national one first (RULES §7.3): `selfeval profiles` lists them in this order. */
export const PROFILES: readonly Profile[] = [
  NATIONAL_PROFILE,
  HUBEI_2020_PROFILE,
  SICHUAN_0013ZP_PROFILE,
  CHONGQING_PROFILE,
  YUNNAN_PROFILE,
];

export function profileById(id: string): Profile | null {
  return PROFILES.find((p) => p.id === id) ?? null;
}
