import { cpus, totalmem, loadavg, platform, arch, release } from 'node:os';

/** What a result was measured on: published next to every number. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  loadAverage1m: number;
  node: string;
  v8: string;
  platform: string;
  date: string;
}

/** Describes this machine and runtime. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${release()} ${arch()}`,
    date: new Date().toISOString(),
  };
}
