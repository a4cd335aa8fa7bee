<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackupOperation</name>
    <message>
        <source>The guest agent of &apos;%1&apos; did not answer, so its file systems could not be frozen. Install and start qemu-guest-agent in the guest, or back up without --quiesce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of &apos;%1&apos; failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was started during the cold backup, so the copy may be inconsistent. Back it up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of &apos;%1&apos; failed (%2), and its disks could not be merged back yet: %3 Rewind retries this the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; ran on an overlay of Rewind&apos;s that this repository did not record (another repository tracks its changes, or the record was lost). It was merged back, so this point is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This point is full: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupPreflight</name>
    <message>
        <source>&apos;%1&apos; is %2. Back it up while it runs or once it is shut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is shut off: its disks are copied as they are (a cold backup).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 (%2) is skipped: removable media are not backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 is skipped: it is read-only, so the VM cannot change it. Keep your own copy of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; is shared with other VMs, so its content can change outside this VM and no consistent backup is possible. Detach it or mark it read-only, then back up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; is a %3 disk (%4). Rewind backs up disks stored in image files only; detach the disk or back it up with the tools of its storage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; is in %3 format; Rewind backs up qcow2 and raw images. Convert it with qemu-img convert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; runs on a chain of images on top of Rewind&apos;s overlay (%3). Merge it with: virsh blockcommit &apos;%2&apos; %1 --active --pivot, then back up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; has a backing chain (%3 sits on other images); Rewind backs up single-file images. Flatten it first: virsh blockpull &apos;%2&apos; %1 --wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no disk that can be backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository %1 has %2 free, but a backup of &apos;%3&apos; needs about %4. Free some space or choose another repository.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeTracking</name>
    <message>
        <source>a full point was asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the VM is shut off, and changes are tracked only while it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain policy asks for full points only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk %1 is new since the last point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk %1 was changed outside Rewind (it now uses %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk %1 was removed from the VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the point its changes build on (%1) is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point %1 holds other disks than the VM has now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain below point %1 is incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain since the full point %1 has reached the policy&apos;s limit (%2 increments, started %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disks of &apos;%1&apos; were changed outside Rewind, so its changes are no longer tracked. Not in use any more and left as they are: %2. Delete them once you no longer need them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; runs on its own images again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging the previous changes of disk %1 into its image did not finish in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging the previous changes of disk %1 of &apos;%2&apos; into its image failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not link the increment %1 to the previous point&apos;s image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtentPump</name>
    <message>
        <source>Out of memory for the copy buffer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1 for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is neither a file nor a block device and cannot be copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer of %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 became shorter while it was being copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileSink</name>
    <message>
        <source>Internal error: the file sink is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; Rewind never overwrites a stored file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: the file sink is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InPlaceRestore</name>
    <message>
        <source>&apos;%1&apos; does not exist in libvirt any more, so it cannot be restored in place. Restore the point as a new VM instead: rewindctl restore &apos;%1&apos; %2 --as &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2. Restoring it in place stops it and replaces its disks%3 with those of point %4. Add --force to do so, or restore the point beside it as a new VM with --as NAME. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a saved state (virsh managedsave) that belongs to its current disks. Restoring it in place discards that state; add --force to do so. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a transient VM (libvirt forgets it once it stops), and point %2 holds no RAM state to resume it from. Restore the point as a new VM with --as NAME instead. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 does not say where the image of disk %2 was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of point %2 is in %3 format; Rewind restores qcow2 and raw images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring &apos;%1&apos; in place replaces its images in %2, which user %3 may not change, and libvirt cannot rename files for Rewind. Run rewindctl as a user who may write there, or restore the point as a new VM into a folder of yours: --as NAME --to DIR. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists, left by an earlier restore. Remove it (or move it away if you still need it), then restore again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; now uses %3; the point&apos;s image is restored to %4, where it was when the point was taken, and %3 is left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old saved state of &apos;%1&apos; could not be removed (%2); remove it with &apos;virsh managedsave-remove&apos; before its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Putting the images of &apos;%2&apos; back failed as well (%3); Rewind tries again the next time it starts. Its own images are at: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is back on its own images, but it was stopped for the restore; start it with: virsh start &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is back on its own images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The definition of &apos;%1&apos; could not be updated to the restored images (%2); it runs from them now, but check its disks before the next cold boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A replaced image could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 holds no RAM state, so &apos;%2&apos; is shut off on the restored disks. Start it with: virsh start &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>Internal error: a journal needs a repository and a VM id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: advancing an empty journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job journal %1 is damaged (field &apos;%2&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job journal %1 was written by a newer version of Rewind.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rewind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search virtual machines</source>
        <translation>Virtuelle Maschinen suchen</translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full-state backup captures a running VM&apos;s disks and RAM at the same instant, while the VM keeps running. Restoring such a point resumes the VM exactly where it was, open programs included. A disk-only backup boots as after a power cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>Show the points on a timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the points as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connections</source>
        <translation>&amp;Verbindungen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>Back up the selected virtual machines now, each with its chosen method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Re-read the stored backups of the selected virtual machines and compare them with their checksums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;Repository…</source>
        <translation>&amp;Repository wählen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Connection…</source>
        <translation>Verbindung &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Connect to another libvirt daemon, local or over SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>T&amp;abelle</translation>
    </message>
    <message>
        <source>&amp;About Rewind</source>
        <translation>&amp;Über Rewind</translation>
    </message>
    <message>
        <source>Backup &amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the selected virtual machine is backed up, which points are kept, and when a new full point starts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewVmRestore</name>
    <message>
        <source>The new VM needs a name: --as NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VM called &apos;%1&apos; exists already. Choose another name with --as. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 does not say where the image of disk %2 was; choose a folder for the new images with --to DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; Rewind never overwrites a file. Choose another name, or another folder with --to. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new VM &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new VM writes its console output to %1 rather than to %2, so the two VMs never append to one file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not touched, and the partial copies were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was created with all its disks, but it could not be started: %2 Start it with: virsh start &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; booted from the point&apos;s disks: libvirt resumes a saved RAM image only under the name and UUID it was saved with, which belong to &apos;%2&apos;. The disks were captured at the same instant as the RAM, so &apos;%1&apos; starts as after a power cut at that moment. To resume the RAM itself, restore &apos;%2&apos; in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is shut off. Start it with: virsh start &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointExport</name>
    <message>
        <source>Images can be exported as qcow2 or raw, not as &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to export into: --export DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; Rewind never overwrites a file. Move it away or export into another folder. Nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export of point %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The images written so far were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RAM state is not part of an export; it stays in the point as %1 (a libvirt save image once decompressed with zstd -d).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointManifest</name>
    <message>
        <source>The point manifest is damaged: the field &apos;%1&apos; %2. Verify the repository; this point cannot be restored as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a SHA-256 in lower-case hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a file name inside the point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid format number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This point was written by a newer version of Rewind (manifest format %1; this version reads up to %2). Update Rewind to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an ISO 8601 date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the unknown value &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a point id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is set for a full point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a file of this or another point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is present in a point without memory state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The point manifest is damaged: it is not valid JSON. Verify the repository; this point cannot be restored as it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointProtection</name>
    <message>
        <source>The VM has no complete backup point yet. Back it up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a point id. Give an id as listed by rewindctl points (like 20261126T101500Z), or &quot;latest&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The point %1 is incomplete (an interrupted backup); it cannot be marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest of point %1 cannot be read, so it cannot be marked. Check it with rewindctl verify.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PruneOperation</name>
    <message>
        <source>Could not open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The point %1 was to be pruned, but its manifest can no longer be read; it was left alone. Check it with rewindctl verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retention policy stored for &apos;%1&apos; is invalid (%2). Set it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted %1 of &apos;%2&apos; has not been repaired yet. Start Rewind or run any rewindctl command to repair it, then prune again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning &apos;%1&apos; failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Rewind finishes removing the points the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>making %1 a full point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merging into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: a merge names a disk the point lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging into point %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing the images of point %1 failed: %2 Rewind completes this the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging disk %1 needs about %2 of free space in %3, but only %4 is free. Free some space, or keep more points so that fewer need merging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write disk %1 as a full image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not fold the pruned points into disk %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restrict the permissions of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal of an interrupted prune of &apos;%1&apos; is damaged (field &apos;%2&apos;); it was kept in %3. Check the points with rewindctl verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed an interrupted prune of &apos;%1&apos;: removed points %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back an interrupted prune of &apos;%1&apos; (stopped while merging into point %2): every point is as before, and the next prune finishes the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed an interrupted prune step of &apos;%1&apos;: point %2 now holds the data of the points it was stored on, and the next prune finishes the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next prune finishes the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted prune of &apos;%1&apos; stopped between two steps; every point is intact, and the next prune finishes the job.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Qcow2Header</name>
    <message>
        <source>The image header could not be updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a qcow2 image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qcow2 version %1 is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its cluster size is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than its first cluster was read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its header length is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its header extensions do not end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a header extension is longer than the header cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images with an external data file or encryption are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backing file name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backing file name does not fit into the header cluster.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QemuImg</name>
    <message>
        <source>qemu-img could not be started; install qemu-utils.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merged image %1 does not show the same data as %2; nothing was changed. Run rewindctl verify and report this problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compare %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>incomplete point %1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired an interrupted backup of &apos;%1&apos; (started %2, stopped at step &apos;%3&apos;): disks back on their own images%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing an interrupted prune of &apos;%1&apos; failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing an interrupted restore of &apos;%1&apos; failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A journal of an unknown job (%1) on &apos;%2&apos; was left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing an interrupted job on &apos;%1&apos; failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed incomplete backup points: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>The repository marker %1 is damaged (not valid JSON). Restore it from another copy or recreate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No repository folder was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Rewind repository at %1. Choose the folder of an existing repository, or create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be a repository folder: a part of its path is a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the repository folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder for the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Rewind repository (%2 is missing). Choose the folder of an existing repository, or create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 is not empty and holds no Rewind repository. Choose an empty folder for a new repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository marker %1 is damaged (no valid format number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository at %1 has format %2, which this version of Rewind (%3) cannot use. Update Rewind or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository folder %1 is not writable by user %2. Choose another folder or fix its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find out the free space of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository folder %1 has disappeared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a VM id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 belongs to another VM (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest belongs to another VM (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1/%2&apos; is not a point id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The point %1 does not exist in the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: the repository was changed without holding its lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: a point needs a valid time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many points were created in the same second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a point id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: the manifest belongs to another VM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: refusing to write an invalid manifest. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The point %1 cannot be committed: its file %2 is missing or does not have the size the manifest records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The point %1 cannot be removed: the incremental points %2 are stored as changes on top of it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepositoryLock</name>
    <message>
        <source>process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in process %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock VM &apos;%1&apos;: invalid repository or VM id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Rewind job is already working on VM &apos;%1&apos;. Wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Rewind job is already working on VM &apos;%1&apos; (%2). Wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not lock VM &apos;%1&apos; in the repository.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreContext</name>
    <message>
        <source>Point %1 is damaged (%2); it is restored anyway, as asked with --ignore-damage. Check the restored VM&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; is damaged: %3. Nothing was changed. Restore another point, or add --ignore-damage to restore what is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore of &apos;%1&apos; failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore of &apos;%1&apos; as &apos;%2&apos; failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export of point %1 of &apos;%2&apos; failed: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreOperation</name>
    <message>
        <source>Point %1 was skipped: its manifest cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no complete backup point in %2. Back it up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; is incomplete (an interrupted backup) and cannot be restored. &apos;rewindctl points %3&apos; lists the complete ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest of point %1 of &apos;%2&apos; cannot be read (%3), so Rewind does not know what the point holds. Restore another point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no point %2. &apos;rewindctl points %3&apos; lists its points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; holds no disk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreRecovery</name>
    <message>
        <source> It is shut off; start it with: virsh start &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished an interrupted restore of &apos;%1&apos; to point %2 (started %3, stopped at step &apos;%4&apos;): it runs from the restored images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid an interrupted restore of &apos;%1&apos; to point %2 (started %3, stopped at step &apos;%4&apos;): its own images are back in place.%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaned up an interrupted restore of &apos;%1&apos; to point %2 (started %3, stopped at step &apos;%4&apos;): its images were not touched.%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore of point %1 of &apos;%2&apos; as the new VM &apos;%3&apos; was interrupted after &apos;%3&apos; was defined with all its disks; it is kept.%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the partial images of an interrupted restore of point %1 of &apos;%2&apos; as the new VM &apos;%3&apos; (started %4); &apos;%2&apos; itself was not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the partial images of an interrupted export of point %1 of &apos;%2&apos;%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; kept the finished ones: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore journal of &apos;%1&apos; with an unknown mode &apos;%2&apos; was removed; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind</name>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging changes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging the changes of disk %1 back failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging the changes of disk %1 back did not finish in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not merge the overlay %1 back into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain definition could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not subscribe to domain events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain has no disk &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Free some space or choose another repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed memory image %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed memory image %1 is truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; now uses %3, which is neither its image nor Rewind&apos;s overlay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::BackupJob</name>
    <message>
        <source>Back up &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::BackupSettingsDialog</name>
    <message>
        <source>Backup Settings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Saving replaces the stored settings with the ones shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scheduled backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At a fixed interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On chosen days of the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled backups run while Rewind runs, also from the system tray with the window closed. A missed run is made up once when Rewind starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the &amp;last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;hourly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;daily:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;weekly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;monthly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;yearly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly, daily... keep the newest point of each of the last N hours, days... that have points. Golden points are always kept. With every rule off, every point is kept. After each backup Rewind makes, points no rule keeps are removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incremental points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never: every point is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> incremental points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full point after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or when the chain is &amp;older than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The settings were not saved; save again when the job has ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::ChainPolicy</name>
    <message>
        <source>Backup chain settings: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::ConnectionsMenu</name>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Connection lost, retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>libvirt URI (for another host: qemu+ssh://user@host/system):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a libvirt URI; it looks like qemu:///system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::DesktopApp</name>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be used as a backup repository: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1… %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rewind: %n job(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something needs your attention; open Rewind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Rewind</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running. Quitting cancels them; a cancelled backup first puts its VM back on its own disks, which can take a moment.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Jobs and Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::DisplayText</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full state (disks + RAM)</source>
        <translation>Vollständiger Zustand (Platten + RAM)</translation>
    </message>
    <message>
        <source>Disks only (crash consistent)</source>
        <translation>Nur Platten (absturzkonsistent)</translation>
    </message>
    <message>
        <source>Disks only, file systems frozen (guest agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold copy (VM was shut off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full state</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Disks only</source>
        <translation>Nur Platten</translation>
    </message>
    <message>
        <source>Quiesced</source>
        <translation>Eingefroren</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Kalt</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Voll</translation>
    </message>
    <message>
        <source>Incremental</source>
        <translation>Inkrementell</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
</context>
<context>
    <name>Rewind::Job</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; stored (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) do not match what was stored. Keep them for forensics, and make a new backup so a good point exists.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) verified, all intact.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retention was not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retention removed %n older point(s) (%1 freed).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::JobManager</name>
    <message>
        <source>Choose a backup repository first (File &gt; Choose Repository).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is busy: %2. Wait for it to finish or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is busy; try again when its current job has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; already runs on its own images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; runs on its own images again; its next backup point is a full one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop tracking the changes of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::JobModel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>Protokoll zeigen</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Waiting for a free worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancelling, putting the VM back on its own disks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Detail: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was kept; the VM is on its own disks as before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::JobsPanel</name>
    <message>
        <source>Clear finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Remove finished jobs from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>No jobs yet. &quot;Back up now&quot; starts one; scheduled backups show up here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Jobs (%n running)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Log of &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::Libvirt</name>
    <message>
        <source>Could not connect to libvirt at %1. Check that libvirtd runs and that you may use it, or choose another connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume the virtual machine from its saved memory image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the memory image %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::Libvirt::Domain</name>
    <message>
        <source>There is no virtual machine called &apos;%1&apos;. Check the name with &apos;rewindctl list&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the virtual machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not define the virtual machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the state of &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the definition of &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not stop &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not pause &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not shut down &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the definition of &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not take a snapshot of &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start merging the changes of disk %1 of &apos;%2&apos; back into its image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the progress of disk %1 of &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish the block job on disk %1 of &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the size of disk %1 of &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent of &apos;%1&apos; did not freeze the file systems. Install and start qemu-guest-agent in the guest, or back up without --quiesce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent of &apos;%1&apos; did not thaw the file systems.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::LibvirtFiles</name>
    <message>
        <source>libvirt could not open the folder %1 as a storage pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt cannot find %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt could not read the size of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt could not send %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving %1 from libvirt failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the file being sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt could not create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt could not receive %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt could not delete %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::MainWindow</name>
    <message>
        <source>About Rewind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rewind %1&lt;/b&gt;&lt;br&gt;Live backups of libvirt virtual machines, RAM included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another backup method for &apos;%1&apos; (right-click it), or install qemu-guest-agent in the guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository: %1</source>
        <translation>Repository: %1</translation>
    </message>
    <message>
        <source>No repository chosen</source>
        <translation>Kein Repository gewählt</translation>
    </message>
    <message>
        <source>Select the virtual machines to back up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups of this VM now use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to libvirt</source>
        <translation>Nicht mit libvirt verbunden</translation>
    </message>
    <message>
        <source>Rewind backs up the virtual machines of a libvirt connection. VMs made in virt-manager usually live on qemu:///system; GNOME Boxes keeps your own on qemu:///session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to qemu:///system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to qemu:///session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Listing the virtual machines on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Connect Elsewhere…</source>
        <translation>Anderswo verbinden …</translation>
    </message>
    <message>
        <source>No virtual machines on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This libvirt connection has no VMs defined. VMs created as root (virt-manager&apos;s default) are on qemu:///system, a user&apos;s own VMs (GNOME Boxes) on qemu:///session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No virtual machine matches &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search looks at VM names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Search</source>
        <translation>Suche leeren</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %n point(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose where backups go</source>
        <translation>Wählen Sie, wohin Sicherungen kommen</translation>
    </message>
    <message>
        <source>Rewind keeps backups in a repository: a folder it owns, readable with standard tools (qemu-img, zstd, virsh). Pick a disk with room for your VMs&apos; disks and RAM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation>Ordner wählen …</translation>
    </message>
    <message>
        <source>Select a virtual machine</source>
        <translation>Wählen Sie eine virtuelle Maschine</translation>
    </message>
    <message>
        <source>Nothing to show yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its backup points appear here on a timeline. &quot;Back Up Now&quot; backs up every selected VM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the backups of &apos;%1&apos;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups of &apos;%1&apos; yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first backup copies the VM&apos;s disks and, for a running VM, its RAM, captured at one instant while it keeps running. Restoring the point later resumes it exactly there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up &apos;%1&apos; Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Backup Repository</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::Notifier</name>
    <message>
        <source>Open Rewind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged backup of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Open Rewind to see the log or retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of &apos;%1&apos; done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last backup of &apos;%1&apos; is %n day(s) old. Back it up now, or look at why the scheduled ones fail (the jobs list keeps their log).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a schedule but no backup yet. Back it up now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent backup of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to %1 lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewind keeps trying to reconnect. Scheduled backups of its VMs wait until it is back; check that libvirtd runs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::OverlayMerge</name>
    <message>
        <source>Disk %1 of &apos;%2&apos; now uses %3, which is neither its image nor Rewind&apos;s overlay; it was changed by someone else. Check the VM&apos;s disks before backing it up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; still uses %3 after the merge.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::PointActions</name>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Golden (never pruned)</source>
        <translation>&amp;Golden (nie aufräumen)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Re-read the stored files and compare them with their checksums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A golden point is kept forever: retention never removes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore is not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Golden points are not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::PointCommands</name>
    <message>
        <source>Point %1 of &apos;%2&apos; is golden now: retention keeps it forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; is an ordinary point again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Golden points are not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete backup points</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n point(s) of &apos;%1&apos;? This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A point that later incremental points are built on cannot be deleted on its own; delete the later ones first, or let retention merge them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n point(s) of &apos;%1&apos;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Restore point %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How should &apos;%1&apos; come back to point %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As a new VM: a copy with a new name runs beside the original, which stays as it is.

In place: &apos;%1&apos; is stopped if it runs, its disks (and RAM, for a full-state point) go back to that moment. Changes made since then are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore as New VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore in Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; restored to point %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &apos;%1&apos; to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %2 of &apos;%1&apos; as a new VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup repository first (File &gt; Choose Repository).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup settings of &apos;%1&apos; saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::PointModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Golden</source>
        <translation>Golden</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Point %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incremental, on top of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM image: %1, guest paused %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Golden: never removed by retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: a job was interrupted or is still writing it. It is removed at the VM&apos;s next backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::PolicyJson</name>
    <message>
        <source>Unknown setting %1; check its spelling. Valid settings are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number such as %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be %2 or more, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be at most %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a text in quotes, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::PrunePlan</name>
    <message>
        <source>The chain of point %1 is inconsistent (%2), so none of its points can be pruned safely. Run rewindctl verify on the VM and repair or remove the damaged points first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its parents form a loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk %1 names its backing image &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk %1 builds on %2, the manifest does not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk %1 has a backing image but is stored as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point %1 does not store %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point %1 names its backing image &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the images of disk %1 and the manifests name different parents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::RestoreFiles</name>
    <message>
        <source>The disk holding %1 is full. Free some space there or restore into another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 is on a read-only file system. Restore into another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 is not writable by user %2. Choose another folder or fix its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qemu-img could not be started; install qemu-utils.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; Rewind never overwrites a file. Move it away or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converting the stored disk %1 to a %2 image failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Create it or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder. Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs about %2 in %3, but only %4 are free there. Free some space or choose another folder. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt could not write %1 for you either. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rename %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::RestoreLibvirt</name>
    <message>
        <source>libvirt could not read the memory image %1 of the point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the state of &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the saved state of &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::RetentionPolicy</name>
    <message>
        <source>Retention policy: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::Schedule</name>
    <message>
        <source>The interval must be from %1 to %2 minutes, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one weekday for the weekly backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the time of day at which the backup runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scheduled backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every %1 at %2</source>
        <comment>weekdays, time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>schedule, time zone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting &quot;kind&quot; is missing; use &quot;off&quot;, &quot;interval&quot;, &quot;daily&quot; or &quot;weekly&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;kind&quot; must be &quot;off&quot;, &quot;interval&quot;, &quot;daily&quot; or &quot;weekly&quot;, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not used when &quot;kind&quot; is &quot;%2&quot;; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting &quot;%1&quot; is missing; give the minutes between backups, such as 60.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;time&quot; must be a time of day on the 24-hour clock written as HH:MM, such as &quot;02:30&quot;, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a list of weekdays such as [&quot;mon&quot;, &quot;thu&quot;]; the names are mon, tue, wed, thu, fri, sat and sun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;days&quot; must name at least one weekday, not %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;days&quot; contains %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;timeZone&quot; must be a time zone name such as &quot;Europe/Berlin&quot;, not %1; leave it out to use the local time zone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::TimelineScale</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
</context>
<context>
    <name>Rewind::TimelineView</name>
    <message>
        <source>No backup points yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Voll</translation>
    </message>
    <message>
        <source>Incremental</source>
        <translation>Inkrementell</translation>
    </message>
    <message>
        <source>Golden</source>
        <translation>Golden</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
</context>
<context>
    <name>Rewind::TrayIcon</name>
    <message>
        <source>Back Up Now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>&amp;Open Rewind</source>
        <translation>Rewind ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No virtual machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More in the main window…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::VerifyJob</name>
    <message>
        <source>Verify backups of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify point %1 of &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::VmContextMenu</name>
    <message>
        <source>Backup &amp;Method</source>
        <translation>Sicherungs&amp;methode</translation>
    </message>
    <message>
        <source>Needs qemu-guest-agent running in the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;Tracking Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge what the VM wrote since its last backup point back into its own images. The next point is a full one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::VmModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Letzte Sicherung</translation>
    </message>
    <message>
        <source>Next backup</source>
        <translation>Nächste Sicherung</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Lost, reconnecting…</source>
        <translation>Verloren, verbinde neu …</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged point(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Not protected</source>
        <translation>Nicht gesichert</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s), %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>UUID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 RAM, %n vCPU(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Last backup: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule in vm.json cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduled backup is overdue. Back it up now, or check why the last one failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n incomplete point(s): left by an interrupted job; removed at the next backup.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The connection is lost; this is the last known state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes since the last backup point go to an overlay over its own images, so the next point stores only what changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rewind::ZstdWriter</name>
    <message>
        <source>Compression failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyOperation</name>
    <message>
        <source>qemu-img could not be run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qemu-img check reports errors: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository %1 has no backups of a VM called &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete: no manifest (an interrupted backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest unreadable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: checksum mismatch (stored data changed or damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no point %1 of &apos;%2&apos; in the repository.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VmRecord</name>
    <message>
        <source>The VM record (vm.json) is damaged: the field &apos;%1&apos; is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This VM&apos;s record was written by a newer version of Rewind (format %1). Update Rewind to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VM record (vm.json) is damaged: it is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VmSettings</name>
    <message>
        <source>The stored schedule cannot be read: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored retention policy cannot be read: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored chain policy cannot be read: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Live backups of libvirt virtual machines, RAM included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the VMs of this libvirt URI (repeatable) instead of the remembered connections; without any, the default is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the backup repository in DIR (created if missing) for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the system tray, without opening the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use a tray icon; closing the window quits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
