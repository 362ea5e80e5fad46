/**
 * How the add-in writes a fix into a cell. The logic is the engine's (src/engine/fixes/write.ts),
 * so the fix plan the engine computes in memory writes values exactly as 全部修正 does.
 */
export { type CellWrite, fixWrite } from '../../engine/fixes/write';
