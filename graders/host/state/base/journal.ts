import type { Host } from "../host.ts";
import { randInt } from "../rng.ts";

/**
 * What journald holds on a VM that booted days ago: the kernel's first lines,
 * systemd bringing the stock units up, sshd listening, and cron's hourly
 * runs for the last day. Scenarios add their own history on top.
 */
export function bootJournal(host: Host): void {
  const s = host.state;
  const boot = s.clock.bootMs;
  const at = (sec: number): number => boot + Math.round(sec * 1000);
  const kernel = (sec: number, message: string): void => host.log({ tsMs: at(sec), ident: "kernel", pid: null, unit: null, priority: 6, message });
  const systemd = (sec: number, message: string, unit: string | null = null): void => host.log({ tsMs: at(sec), ident: "systemd", pid: 1, unit, priority: 6, message });
  kernel(0, "Linux version 6.1.0-27-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)");
  kernel(0, "Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-27-cloud-amd64 root=PARTUUID=9c3b9f53-7b4d-4f8e-9d6e-2b1f0a4c5d61 ro console=tty0 console=ttyS0,115200 earlyprintk=ttyS0,115200 consoleblank=0");
  kernel(0.9, "Memory: 1941388K/2096600K available (14336K kernel code, 2465K rwdata, 9488K rodata, 2804K init, 17420K bss, 154952K reserved, 0K cma-reserved)");
  kernel(1.6, "EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.");
  systemd(1.9, "systemd 252.31-1~deb12u1 running in system mode (+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT +QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified)");
  systemd(1.9, "Detected virtualization kvm.");
  systemd(1.9, "Detected architecture x86-64.");
  systemd(2.0, `Hostname set to <${s.hostname}>.`);
  kernel(2.4, "EXT4-fs (vda1): re-mounted. Quota mode: none.");
  const units = Object.values(s.units).sort((a, b) => a.stateSinceMs - b.stateSinceMs);
  for (const u of units) systemd((u.stateSinceMs - boot) / 1000, `Started ${u.name} - ${u.description}.`, u.name);
  const sshd = s.units["ssh.service"]?.mainPid ?? null;
  if (sshd !== null) {
    host.log({ tsMs: at(6.2), ident: "sshd", pid: sshd, unit: "ssh.service", priority: 6, message: "Server listening on 0.0.0.0 port 22." });
    host.log({ tsMs: at(6.2), ident: "sshd", pid: sshd, unit: "ssh.service", priority: 6, message: "Server listening on :: port 22." });
  }
  const cron = s.units["cron.service"]?.mainPid ?? null;
  if (cron !== null) {
    host.log({ tsMs: at(5.3), ident: "cron", pid: cron, unit: "cron.service", priority: 6, message: "(CRON) INFO (pidfile fd = 3)" });
    host.log({ tsMs: at(5.4), ident: "cron", pid: cron, unit: "cron.service", priority: 6, message: "(CRON) INFO (Running @reboot jobs)" });
  }
  systemd(6.4, "Reached target multi-user.target - Multi-User System.");
  systemd(6.5, "Startup finished in 1.872s (kernel) + 4.611s (userspace) = 6.483s.");
  // cron.hourly at :17, each run its own short-lived CRON process, for the last day.
  const now = s.clock.nowMs;
  const hour = 3600_000;
  // cron wakes one second into the minute.
  for (let t = Math.max(boot, now - 24 * hour) - ((Math.max(boot, now - 24 * hour)) % hour) + 17 * 60_000 + 1000; t < now; t += hour) {
    if (t < boot) continue;
    const pid = randInt(s, 3000, 60000);
    host.log({ tsMs: t, ident: "CRON", pid, unit: "cron.service", priority: 6, message: "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)" });
    host.log({ tsMs: t, ident: "CRON", pid: pid + 1, unit: "cron.service", priority: 6, message: "(root) CMD (cd / && run-parts --report /etc/cron.hourly)" });
    host.log({ tsMs: t + 40, ident: "CRON", pid, unit: "cron.service", priority: 6, message: "pam_unix(cron:session): session closed for user root" });
  }
}
