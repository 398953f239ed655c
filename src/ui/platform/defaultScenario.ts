/**
 * The scenario the lab opens on: the whole idea in a few steps. Two
 * processes share a 4 MiB region's page tables under MAP_SHARED_PT; a third
 * maps the same file with a different length, so it is not shared and builds
 * its own; an mprotect by one sharer reaches the other (and the other's write
 * fault undoes it for both: the hazard); then the exits, the last sharer's
 * tearing the host mm down.
 */
export const DEFAULT_SCENARIO = `# MAP_SHARED_PT: two processes share page
# tables, a third does not.
file sga 4M
process db1
process db2
process report

# Same file, address and length: shared.
db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db2 mmap 0x7f0000000000 4M rw shared,shared_pt sga
# A different length: mapped, not shared.
report mmap 0x7f0000000000 2M rw shared,shared_pt sga

# Host faults fill the host's PTEs; link
# faults point db1's PMD entries at them.
db1 touch 0x7f0000000000 3M write
# One link fault: db1's PTEs serve db2.
db2 touch 0x7f0000000000 read
# report builds its own PUD, PMD and PTEs.
report touch 0x7f0000000000 2M read

# One mprotect rewrites the shared PTEs:
# db2 sees read-only too.
db1 mprotect 0x7f0000000000 2M r
# db2's VMA still says rw: its write fault
# makes the PTE writable for everyone.
db2 touch 0x7f0000000000 write

db1 exit
# The last reference: the host mm goes.
db2 exit
report exit
`;
