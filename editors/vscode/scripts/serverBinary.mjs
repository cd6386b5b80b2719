// What a platform .vsix needs to know about the server binary it carries: the VS Code
// targets dateline is released for, which target an executable was built for (read from
// its ELF, Mach-O or PE header), and whether a .vsix (a zip) stores a file as executable.
// Pure functions over bytes, unit-tested in test/scripts/.

/** The VS Code targets of the release, with the Rust target each one's binary is built for. */
export const TARGETS = {
  "linux-x64": { rust: "x86_64-unknown-linux-gnu", executable: "dateline" },
  "linux-arm64": { rust: "aarch64-unknown-linux-gnu", executable: "dateline" },
  "darwin-x64": { rust: "x86_64-apple-darwin", executable: "dateline" },
  "darwin-arm64": { rust: "aarch64-apple-darwin", executable: "dateline" },
  "win32-x64": { rust: "x86_64-pc-windows-msvc", executable: "dateline.exe" },
};

/** The VS Code target of the machine running node, when it is one of TARGETS. */
export function hostTarget(platform = process.platform, arch = process.arch) {
  const target = `${platform}-${arch}`;
  return target in TARGETS ? target : undefined;
}

/**
 * The VS Code target an executable was built for, from its first bytes (4 KiB are
 * plenty: the PE header comes right after the DOS stub), or undefined when the bytes are
 * no 64-bit executable of a released platform.
 */
export function targetOfExecutable(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (offset, length) => offset >= 0 && offset + length <= bytes.byteLength;
  // ELF: 64-bit (class 2), little-endian (data 1); e_machine at 18.
  if (has(0, 20) && view.getUint32(0, false) === 0x7f454c46 && bytes[4] === 2 && bytes[5] === 1) {
    const machine = view.getUint16(18, true);
    if (machine === 0x3e) return "linux-x64";
    if (machine === 0xb7) return "linux-arm64";
    return undefined;
  }
  // Mach-O 64-bit, little-endian; cputype follows the magic.
  if (has(0, 8) && view.getUint32(0, true) === 0xfeedfacf) {
    const cpu = view.getUint32(4, true);
    if (cpu === 0x01000007) return "darwin-x64";
    if (cpu === 0x0100000c) return "darwin-arm64";
    return undefined;
  }
  // PE: "MZ", the PE header's offset at 0x3c, "PE\0\0", then the machine.
  if (has(0, 0x40) && bytes[0] === 0x4d && bytes[1] === 0x5a) {
    const pe = view.getUint32(0x3c, true);
    if (has(pe, 6) && view.getUint32(pe, false) === 0x50450000) {
      return view.getUint16(pe + 4, true) === 0x8664 ? "win32-x64" : undefined;
    }
  }
  return undefined;
}

/**
 * The Unix mode each file of a zip is stored with (from its central directory), by name.
 * A file stored without a mode (made on a system that records none) maps to undefined.
 */
export function zipModes(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = zip.byteLength - 22; at >= Math.max(0, zip.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const modes = new Map();
  for (let index = 0; index < count; index++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("broken zip central directory");
    const madeBy = view.getUint8(at + 5); // 3: Unix, whose mode is the high half of the attributes
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const attributes = view.getUint32(at + 38, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    modes.set(name, madeBy === 3 ? attributes >>> 16 : undefined);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return modes;
}
