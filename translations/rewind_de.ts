<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackupChain</name>
    <message>
        <source>the changes of the previous point could not be merged into the images (%1)</source>
        <translation>die Änderungen des vorigen Punkts konnten nicht in die Abbilder zusammengeführt werden (%1)</translation>
    </message>
    <message>
        <source>Backup of &apos;%1&apos; failed: </source>
        <translation>Sicherung von &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>&apos;%1&apos; ran on an overlay of Rewind&apos;s that this repository did not record (another repository tracks its changes, or the record was lost). It was merged back, so this point is full.</source>
        <translation>&apos;%1&apos; lief auf einem Overlay von Rewind, das in diesem Repository nicht verzeichnet war (ein anderes Repository verfolgt die Änderungen, oder der Eintrag ging verloren). Es wurde wieder zusammengeführt, daher ist dieser Punkt eine Vollsicherung.</translation>
    </message>
    <message>
        <source>This point is full: %1.</source>
        <translation>Dieser Punkt ist eine Vollsicherung: %1.</translation>
    </message>
</context>
<context>
    <name>BackupOperation</name>
    <message>
        <source>Backup of &apos;%1&apos; failed: </source>
        <translation>Sicherung von &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>&apos;%1&apos; was started during the cold backup, so the copy may be inconsistent. Back it up again.</source>
        <translation>&apos;%1&apos; wurde während der kalten Sicherung gestartet, daher ist die Kopie möglicherweise inkonsistent. Sichern Sie die VM erneut.</translation>
    </message>
    <message>
        <source>Backup of &apos;%1&apos; failed (%2), and its disks could not be merged back yet: %3 Rewind retries this the next time it starts.</source>
        <translation>Die Sicherung von &apos;%1&apos; ist fehlgeschlagen (%2), und die Platten der VM konnten noch nicht wieder zusammengeführt werden: %3 Rewind versucht dies beim nächsten Start erneut.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was shut down while it was being backed up. The point holds it as it was at the snapshot, running.</source>
        <translation>&apos;%1&apos; wurde während der Sicherung heruntergefahren. Der Sicherungspunkt enthält die VM so, wie sie beim Schnappschuss lief.</translation>
    </message>
    <message>
        <source>The UEFI variables file %1 could not be stored: </source>
        <translation>Die Datei der UEFI-Variablen %1 konnte nicht gesichert werden: </translation>
    </message>
</context>
<context>
    <name>BackupPreflight</name>
    <message>
        <source>&apos;%1&apos; is %2. Back it up while it runs or once it is shut off.</source>
        <translation>&apos;%1&apos; ist im Zustand %2. Sichern Sie die VM, während sie läuft oder sobald sie ausgeschaltet ist.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is shut off: its disks are copied as they are (a cold backup).</source>
        <translation>&apos;%1&apos; ist ausgeschaltet: Die Platten werden so kopiert, wie sie sind (kalte Sicherung).</translation>
    </message>
    <message>
        <source>Disk %1 (%2) is skipped: removable media are not backed up.</source>
        <translation>Platte %1 (%2) wird übersprungen: Wechselmedien werden nicht gesichert.</translation>
    </message>
    <message>
        <source>Disk %1 is skipped: it is read-only, so the VM cannot change it. Keep your own copy of %2.</source>
        <translation>Platte %1 wird übersprungen: Sie ist schreibgeschützt, die VM kann sie also nicht ändern. Bewahren Sie eine eigene Kopie von %2 auf.</translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; is shared with other VMs, so its content can change outside this VM and no consistent backup is possible. Detach it or mark it read-only, then back up again.</source>
        <translation>Platte %1 von &apos;%2&apos; wird mit anderen VMs geteilt, daher kann sich ihr Inhalt außerhalb dieser VM ändern, und eine konsistente Sicherung ist nicht möglich. Trennen Sie die Platte oder markieren Sie sie als schreibgeschützt und sichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; is a %3 disk (%4). Rewind backs up disks stored in image files only; detach the disk or back it up with the tools of its storage.</source>
        <translation>Platte %1 von &apos;%2&apos; ist vom Typ %3 (%4). Rewind sichert nur Platten, die in Abbilddateien gespeichert sind; trennen Sie die Platte oder sichern Sie sie mit den Werkzeugen ihres Speichers.</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; is in %3 format; Rewind backs up qcow2 and raw images. Convert it with qemu-img convert.</source>
        <translation>Das Format von Platte %1 von &apos;%2&apos; ist %3; Rewind sichert qcow2- und raw-Abbilder. Konvertieren Sie die Platte mit qemu-img convert.</translation>
    </message>
    <message>
        <source>an unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; runs on a chain of images on top of Rewind&apos;s overlay (%3). Merge it with: virsh blockcommit &apos;%2&apos; %1 --active --pivot, then back up again.</source>
        <translation>Platte %1 von &apos;%2&apos; läuft auf einer Kette von Abbildern über dem Overlay von Rewind (%3). Führen Sie sie so zusammen: virsh blockcommit &apos;%2&apos; %1 --active --pivot, und sichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; has a backing chain (%3 sits on other images); Rewind backs up single-file images. Flatten it first: virsh blockpull &apos;%2&apos; %1 --wait</source>
        <translation>Platte %1 von &apos;%2&apos; hat eine Kette von Basisabbildern (%3 liegt auf anderen Abbildern); Rewind sichert Abbilder aus einer einzigen Datei. Fassen Sie die Kette zuerst zu einer Datei zusammen: virsh blockpull &apos;%2&apos; %1 --wait</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no disk that can be backed up.</source>
        <translation>&apos;%1&apos; hat keine Platte, die gesichert werden kann.</translation>
    </message>
    <message>
        <source>The repository %1 has %2 free, but a backup of &apos;%3&apos; needs about %4. Free some space or choose another repository.</source>
        <translation>Das Repository %1 hat %2 frei, aber eine Sicherung von &apos;%3&apos; benötigt etwa %4. Geben Sie Speicherplatz frei oder wählen Sie ein anderes Repository.</translation>
    </message>
</context>
<context>
    <name>ChangeTracking</name>
    <message>
        <source>a full point was asked for</source>
        <translation>eine Vollsicherung wurde angefordert</translation>
    </message>
    <message>
        <source>the VM is shut off, and changes are tracked only while it runs</source>
        <translation>die VM ist ausgeschaltet, und Änderungen werden nur verfolgt, während sie läuft</translation>
    </message>
    <message>
        <source>the chain policy asks for full points only</source>
        <translation>die Kettenregeln verlangen ausschließlich Vollsicherungen</translation>
    </message>
    <message>
        <source>disk %1 is new since the last point</source>
        <translation>Platte %1 ist seit dem letzten Punkt neu</translation>
    </message>
    <message>
        <source>disk %1 was changed outside Rewind (it now uses %2)</source>
        <translation>Platte %1 wurde außerhalb von Rewind geändert (sie verwendet jetzt %2)</translation>
    </message>
    <message>
        <source>disk %1 was removed from the VM</source>
        <translation>Platte %1 wurde aus der VM entfernt</translation>
    </message>
    <message>
        <source>the point its changes build on (%1) is gone</source>
        <translation>der Punkt, auf dem die Änderungen aufbauen (%1), ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>point %1 holds other disks than the VM has now</source>
        <translation>Punkt %1 enthält andere Platten, als die VM jetzt hat</translation>
    </message>
    <message>
        <source>the chain below point %1 is incomplete</source>
        <translation>die Kette unterhalb von Punkt %1 ist unvollständig</translation>
    </message>
    <message>
        <source>the chain since the full point %1 has reached the policy&apos;s limit (%2 increments, started %3)</source>
        <translation>die Kette seit der Vollsicherung %1 hat die Grenze der Kettenregeln erreicht (%2 Inkremente, Beginn: %3)</translation>
    </message>
    <message>
        <source>The disks of &apos;%1&apos; were changed outside Rewind, so its changes are no longer tracked. Not in use any more and left as they are: %2. Delete them once you no longer need them.</source>
        <translation>Die Platten von &apos;%1&apos; wurden außerhalb von Rewind geändert, daher werden ihre Änderungen nicht mehr verfolgt. Nicht mehr verwendet und unverändert belassen: %2. Löschen Sie diese, sobald Sie sie nicht mehr benötigen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; runs on its own images again.</source>
        <translation>&apos;%1&apos; läuft wieder auf den eigenen Abbildern.</translation>
    </message>
    <message>
        <source>Merging the previous changes of disk %1 into its image did not finish in time.</source>
        <translation>Das Zusammenführen der vorherigen Änderungen von Platte %1 in ihr Abbild wurde nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>Merging the previous changes of disk %1 of &apos;%2&apos; into its image failed.</source>
        <translation>Das Zusammenführen der vorherigen Änderungen von Platte %1 von &apos;%2&apos; in ihr Abbild ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Could not link the increment %1 to the previous point&apos;s image.</source>
        <translation>Das Inkrement %1 konnte nicht mit dem Abbild des vorherigen Punkts verknüpft werden.</translation>
    </message>
</context>
<context>
    <name>ExtentPump</name>
    <message>
        <source>Could not open %1 for reading.</source>
        <translation>%1 konnte nicht zum Lesen geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 is neither a file nor a block device and cannot be copied.</source>
        <translation>%1 ist weder eine Datei noch ein Blockgerät und kann nicht kopiert werden.</translation>
    </message>
    <message>
        <source>The transfer of %1 was cancelled.</source>
        <translation>Die Übertragung von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 became shorter while it was being copied.</source>
        <translation>%1 ist während des Kopierens kürzer geworden.</translation>
    </message>
</context>
<context>
    <name>FileSink</name>
    <message>
        <source>Internal error: the file sink is already in use.</source>
        <translation>Interner Fehler: Das Dateiziel wird bereits verwendet.</translation>
    </message>
    <message>
        <source>%1 exists already; Rewind never overwrites a stored file.</source>
        <translation>%1 existiert bereits; Rewind überschreibt niemals eine gespeicherte Datei.</translation>
    </message>
    <message>
        <source>Internal error: the file sink is not open.</source>
        <translation>Interner Fehler: Das Dateiziel ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>InPlacePreflight</name>
    <message>
        <source>Restoring &apos;%1&apos;</source>
        <translation>Wiederherstellung von &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2. Restoring it in place stops it and replaces its disks%3 with those of point %4. Add --force to do so, or restore the point beside it as a new VM with --as NAME. Nothing was changed.</source>
        <translation>&apos;%1&apos; ist im Zustand %2. Eine Wiederherstellung an Ort und Stelle stoppt die VM und ersetzt ihre Platten%3 durch die von Punkt %4. Fügen Sie dazu --force hinzu oder stellen Sie den Punkt mit --as NAME daneben als neue VM wieder her. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source> and RAM</source>
        <translation> und RAM</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a saved state (virsh managedsave) that belongs to its current disks. Restoring it in place discards that state; add --force to do so. Nothing was changed.</source>
        <translation>&apos;%1&apos; hat einen gespeicherten Zustand (virsh managedsave), der zu den aktuellen Platten gehört. Eine Wiederherstellung an Ort und Stelle verwirft diesen Zustand; fügen Sie dazu --force hinzu. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a transient VM (libvirt forgets it once it stops), and point %2 holds no RAM state to resume it from. Restore the point as a new VM with --as NAME instead. Nothing was changed.</source>
        <translation>&apos;%1&apos; ist eine transiente VM (libvirt vergisst sie, sobald sie stoppt), und Punkt %2 enthält keinen RAM-Zustand, aus dem sie fortgesetzt werden könnte. Stellen Sie den Punkt stattdessen mit --as NAME als neue VM wieder her. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was removed from libvirt, and the VM now called &apos;%1&apos; is another one (UUID %2), so it cannot come back under its own name. Restore the point as a new VM instead: rewindctl restore %3 %4 --as NAME. Nothing was changed.</source>
        <translation>&apos;%1&apos; wurde aus libvirt entfernt, und die VM, die jetzt &apos;%1&apos; heißt, ist eine andere (UUID %2); deshalb kann sie nicht unter ihrem eigenen Namen zurückkommen. Stellen Sie den Punkt stattdessen als neue VM wieder her: rewindctl restore %3 %4 --as NAME. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Point %1 holds no definition of &apos;%2&apos;, so &apos;%2&apos; cannot be defined again from it. Export its disks instead (--export DIR). Nothing was changed.</source>
        <translation>Punkt %1 enthält keine Definition von &apos;%2&apos;, daher kann &apos;%2&apos; daraus nicht wieder definiert werden. Exportieren Sie stattdessen seine Datenträger (--export DIR). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; used %2 for disk %3, and the VM &apos;%4&apos; uses that image now. Restore the point as a new VM instead (--as NAME). Nothing was changed.</source>
        <translation>&apos;%1&apos; nutzte %2 für Datenträger %3, und die VM &apos;%4&apos; nutzt dieses Abbild jetzt. Stellen Sie den Punkt stattdessen als neue VM wieder her (--as NAME). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; kept its UEFI variables in %2, and the VM &apos;%3&apos; uses that file now. Restore the point as a new VM instead (--as NAME). Nothing was changed.</source>
        <translation>&apos;%1&apos; hatte ihre UEFI-Variablen in %2, und die VM &apos;%3&apos; nutzt diese Datei jetzt. Stellen Sie den Punkt stattdessen als neue VM wieder her (--as NAME). Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no longer defined in libvirt, but its images are still there: %2. Bringing it back as it was at point %3 replaces them with the point&apos;s; add --force to do so (--keep-safety-copy keeps them beside), or restore the point as a new VM with --as NAME. Nothing was changed.</source>
        <translation>&apos;%1&apos; ist in libvirt nicht mehr definiert, aber seine Abbilder sind noch da: %2. Es so zurückzuholen, wie es bei Punkt %3 war, ersetzt sie durch die des Punkts; fügen Sie dazu --force hinzu (--keep-safety-copy behält sie daneben), oder stellen Sie den Punkt mit --as NAME als neue VM wieder her. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Point %1 does not say where the image of disk %2 was.</source>
        <translation>Punkt %1 gibt nicht an, wo das Abbild von Platte %2 lag.</translation>
    </message>
    <message>
        <source>Disk %1 of point %2 is in %3 format; Rewind restores qcow2 and raw images.</source>
        <translation>Das Format von Platte %1 in Punkt %2 ist %3; Rewind stellt qcow2- und raw-Abbilder wieder her.</translation>
    </message>
    <message>
        <source>Restoring &apos;%1&apos; in place replaces its images in %2, which user %3 may not change, and libvirt cannot rename files for Rewind. Run rewindctl as a user who may write there, or restore the point as a new VM into a folder of yours: --as NAME --to DIR. Nothing was changed.</source>
        <translation>Die Wiederherstellung von &apos;%1&apos; an Ort und Stelle ersetzt die Abbilder in %2, wo Benutzer %3 nichts ändern darf, und libvirt kann für Rewind keine Dateien umbenennen. Führen Sie rewindctl als ein Benutzer aus, der dort schreiben darf, oder stellen Sie den Punkt als neue VM in einem eigenen Ordner wieder her: --as NAME --to DIR. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; now uses %3; the point&apos;s image is restored to %4, where it was when the point was taken, and %3 is left as it is.</source>
        <translation>Platte %1 von &apos;%2&apos; verwendet jetzt %3; das Abbild des Punkts wird nach %4 wiederhergestellt, wo es lag, als der Punkt erstellt wurde, und %3 bleibt unverändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; no longer has a UEFI variables file; the point&apos;s variables are not restored and stay in the point as %2.</source>
        <translation>&apos;%1&apos; hat keine Datei für UEFI-Variablen mehr; die Variablen des Sicherungspunkts werden nicht wiederhergestellt und bleiben im Sicherungspunkt als %2.</translation>
    </message>
    <message>
        <source>The UEFI variables of &apos;%1&apos; (%2) are left as they are: user %3 may not change %4. The point&apos;s variables are in %5.</source>
        <translation>Die UEFI-Variablen von &apos;%1&apos; (%2) bleiben, wie sie sind: Benutzer %3 darf %4 nicht ändern. Die Variablen des Sicherungspunkts liegen in %5.</translation>
    </message>
    <message>
        <source>%1 exists, left by an earlier restore. Remove it (or move it away if you still need it), then restore again. Nothing was changed.</source>
        <translation>%1 ist von einer früheren Wiederherstellung übrig geblieben. Entfernen Sie es (oder verschieben Sie es, falls Sie es noch benötigen) und starten Sie die Wiederherstellung dann erneut. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>InPlaceRestore</name>
    <message>
        <source>The old saved state of &apos;%1&apos; could not be removed (%2); remove it with &apos;virsh managedsave-remove&apos; before its next start.</source>
        <translation>Der alte gespeicherte Zustand von &apos;%1&apos; konnte nicht entfernt werden (%2); entfernen Sie ihn vor dem nächsten Start mit &apos;virsh managedsave-remove&apos;.</translation>
    </message>
    <message>
        <source>%1 Putting the images of &apos;%2&apos; back failed as well (%3); Rewind tries again the next time it starts. Its own images are at: %4</source>
        <translation>%1 Auch die Abbilder von &apos;%2&apos; konnten nicht wieder eingesetzt werden (%3); Rewind versucht es beim nächsten Start erneut. Die eigenen Abbilder der VM liegen unter: %4</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not changed.</source>
        <translation>&apos;%1&apos; wurde nicht verändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is back on its own images, but it was stopped for the restore; start it with: virsh start &apos;%1&apos;</source>
        <translation>&apos;%1&apos; verwendet wieder die eigenen Abbilder, wurde aber für die Wiederherstellung gestoppt; starten Sie die VM mit: virsh start &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is back on its own images.</source>
        <translation>&apos;%1&apos; verwendet wieder die eigenen Abbilder.</translation>
    </message>
    <message>
        <source>The definition of &apos;%1&apos; could not be updated to the restored images (%2); it runs from them now, but check its disks before the next cold boot.</source>
        <translation>Die Definition von &apos;%1&apos; konnte nicht auf die wiederhergestellten Abbilder umgestellt werden (%2); die VM läuft jetzt mit ihnen, prüfen Sie aber ihre Platten vor dem nächsten Kaltstart.</translation>
    </message>
    <message>
        <source>A replaced image could not be removed: %1</source>
        <translation>Ein ersetztes Abbild konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Point %1 holds no RAM state, so &apos;%2&apos; is shut off on the restored disks. Start it with: virsh start &apos;%2&apos;</source>
        <translation>Punkt %1 enthält keinen RAM-Zustand, daher ist &apos;%2&apos; auf den wiederhergestellten Platten ausgeschaltet. Starten Sie die VM mit: virsh start &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Images that were at the paths of &apos;%1&apos; are back in place, and &apos;%1&apos; is still not defined in libvirt.</source>
        <translation>Abbilder, die unter den Pfaden von &apos;%1&apos; lagen, sind wieder an ihrem Platz, und &apos;%1&apos; ist weiterhin nicht in libvirt definiert.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; runs again, but it could not be defined in libvirt (%2), so libvirt forgets it once it stops. Define it while it runs: virsh dumpxml --security-info &apos;%1&apos; &gt; &apos;%1.xml&apos; &amp;&amp; virsh define &apos;%1.xml&apos;</source>
        <translation>&apos;%1&apos; läuft wieder, konnte aber nicht in libvirt definiert werden (%2), daher vergisst libvirt es, sobald es anhält. Definieren Sie es, solange es läuft: virsh dumpxml --security-info &apos;%1&apos; &gt; &apos;%1.xml&apos; &amp;&amp; virsh define &apos;%1.xml&apos;</translation>
    </message>
    <message>
        <source>The overlays of Rewind&apos;s that &apos;%1&apos; ran on until it was removed are left as they were: %2. They build on the images replaced now, so &apos;%1&apos; does not use them; delete them once you no longer need what &apos;%1&apos; wrote after its last point.</source>
        <translation>Die Overlays von Rewind, auf denen &apos;%1&apos; bis zu seinem Entfernen lief, bleiben unverändert: %2. Sie bauen auf den jetzt ersetzten Abbildern auf, daher nutzt &apos;%1&apos; sie nicht; löschen Sie sie, sobald Sie nicht mehr brauchen, was &apos;%1&apos; nach seinem letzten Punkt schrieb.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was started while the point&apos;s images were being written. Restoring it in place stops it and replaces its disks; restore again with --force to do so, or once it is shut off.</source>
        <translation>&apos;%1&apos; wurde gestartet, während die Abbilder des Punkts geschrieben wurden. Eine Wiederherstellung an Ort und Stelle hält es an und ersetzt seine Datenträger; stellen Sie dazu mit --force erneut wieder her, oder sobald es ausgeschaltet ist.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was started while its images were being replaced.</source>
        <translation>&apos;%1&apos; wurde gestartet, während seine Abbilder ersetzt wurden.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>Internal error: a journal needs a repository and a VM id.</source>
        <translation>Interner Fehler: Ein Journal benötigt ein Repository und eine VM-ID.</translation>
    </message>
    <message>
        <source>Internal error: advancing an empty journal.</source>
        <translation>Interner Fehler: Fortschreiben eines leeren Journals.</translation>
    </message>
    <message>
        <source>The job journal %1 is damaged (field &apos;%2&apos;).</source>
        <translation>Das Auftragsjournal %1 ist beschädigt (Feld &apos;%2&apos;).</translation>
    </message>
    <message>
        <source>The job journal %1 was written by a newer version of Rewind.</source>
        <translation>Das Auftragsjournal %1 wurde von einer neueren Version von Rewind geschrieben.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rewind</source>
        <translation>Rewind</translation>
    </message>
    <message>
        <source>Search virtual machines</source>
        <translation>Virtuelle Maschinen suchen</translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation>Virtuelle Maschinen</translation>
    </message>
    <message>
        <source>A full-state backup captures a running VM&apos;s disks and RAM at the same instant, while the VM keeps running. Restoring such a point resumes the VM exactly where it was, open programs included. A disk-only backup boots as after a power cut.</source>
        <translation>Eine Sicherung des vollständigen Zustands erfasst Platten und RAM einer laufenden VM im selben Augenblick, während die VM weiterläuft. Die Wiederherstellung eines solchen Punkts setzt die VM genau dort fort, wo sie war, samt geöffneter Programme. Eine reine Plattensicherung startet wie nach einem Stromausfall.</translation>
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
        <translation>Punkte auf einer Zeitleiste zeigen</translation>
    </message>
    <message>
        <source>Show the points as a table</source>
        <translation>Punkte als Tabelle zeigen</translation>
    </message>
    <message>
        <source>Backup timeline</source>
        <translation>Sicherungszeitleiste</translation>
    </message>
    <message>
        <source>Backup points</source>
        <translation>Sicherungspunkte</translation>
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
        <translation>Die ausgewählten virtuellen Maschinen jetzt sichern, jede mit ihrer gewählten Methode</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Re-read the stored backups of the selected virtual machines and compare them with their checksums</source>
        <translation>Die gespeicherten Sicherungen der ausgewählten virtuellen Maschinen erneut lesen und mit ihren Prüfsummen vergleichen</translation>
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
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Add Connection…</source>
        <translation>Verbindung &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Connect to another libvirt daemon, local or over SSH</source>
        <translation>Mit einem anderen libvirt-Daemon verbinden, lokal oder über SSH</translation>
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
        <translation>Sicherungs&amp;einstellungen …</translation>
    </message>
    <message>
        <source>When the selected virtual machine is backed up, which points are kept, and when a new full point starts</source>
        <translation>Wann die ausgewählte virtuelle Maschine gesichert wird, welche Punkte aufbewahrt werden und wann eine neue Vollsicherung beginnt</translation>
    </message>
    <message>
        <source>Start at &amp;Login</source>
        <translation>Beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <source>Start Rewind hidden in the system tray when you log in, so that scheduled backups run</source>
        <translation>Rewind beim Anmelden im Systemabschnitt der Kontrollleiste starten, damit geplante Sicherungen laufen</translation>
    </message>
    <message>
        <source>Restore a &amp;Removed VM…</source>
        <translation>Entfernte VM &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Bring back a virtual machine that has backups but is no longer defined in libvirt</source>
        <translation>Eine virtuelle Maschine zurückholen, die Sicherungen hat, aber in libvirt nicht mehr definiert ist</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>NewVmRestore</name>
    <message>
        <source>The new VM needs a name: --as NAME.</source>
        <translation>Die neue VM benötigt einen Namen: --as NAME.</translation>
    </message>
    <message>
        <source>A VM called &apos;%1&apos; exists already. Choose another name with --as. Nothing was changed.</source>
        <translation>Eine VM namens &apos;%1&apos; existiert bereits. Wählen Sie mit --as einen anderen Namen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Point %1 does not say where the image of disk %2 was; choose a folder for the new images with --to DIR.</source>
        <translation>Punkt %1 gibt nicht an, wo das Abbild von Platte %2 lag; wählen Sie mit --to DIR einen Ordner für die neuen Abbilder.</translation>
    </message>
    <message>
        <source> Nothing was changed.</source>
        <translation> Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 exists already; Rewind never overwrites a file. Choose another name, or another folder with --to. Nothing was changed.</source>
        <translation>%1 existiert bereits; Rewind überschreibt niemals eine Datei. Wählen Sie einen anderen Namen oder mit --to einen anderen Ordner. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The new VM &apos;%1&apos;</source>
        <translation>Die neue VM &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The new VM writes its console output to %1 rather than to %2, so the two VMs never append to one file.</source>
        <translation>Die neue VM schreibt ihre Konsolenausgabe nach %1 statt nach %2, damit die beiden VMs nie an dieselbe Datei anhängen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not touched, and the partial copies were removed.</source>
        <translation>&apos;%1&apos; wurde nicht angetastet, und die unvollständigen Kopien wurden entfernt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was created with all its disks, but it could not be started: %2 Start it with: virsh start &apos;%1&apos;</source>
        <translation>&apos;%1&apos; wurde mit allen Platten erstellt, konnte aber nicht gestartet werden: %2 Starten Sie die VM mit: virsh start &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; booted from the point&apos;s disks: libvirt resumes a saved RAM image only under the name and UUID it was saved with, which belong to &apos;%2&apos;. The disks were captured at the same instant as the RAM, so &apos;%1&apos; starts as after a power cut at that moment. To resume the RAM itself, restore &apos;%2&apos; in place.</source>
        <translation>&apos;%1&apos; wurde von den Platten des Punkts gestartet: libvirt setzt ein gespeichertes RAM-Abbild nur unter dem Namen und der UUID fort, mit denen es gespeichert wurde, und diese gehören zu &apos;%2&apos;. Die Platten wurden im selben Augenblick wie der RAM erfasst, daher startet &apos;%1&apos; wie nach einem Stromausfall in genau diesem Moment. Um den RAM selbst fortzusetzen, stellen Sie &apos;%2&apos; an Ort und Stelle wieder her.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is shut off. Start it with: virsh start &apos;%1&apos;</source>
        <translation>&apos;%1&apos; ist ausgeschaltet. Starten Sie die VM mit: virsh start &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has UEFI variables of its own (%2), copied from those of &apos;%3&apos; as they are now.</source>
        <translation>&apos;%1&apos; hat eigene UEFI-Variablen (%2), kopiert von denen von &apos;%3&apos; in ihrem jetzigen Stand.</translation>
    </message>
    <message>
        <source>The UEFI variables of &apos;%1&apos; (%2) could not be copied, so &apos;%3&apos; starts with the firmware&apos;s defaults; should it not find its bootloader, choose its disk in the firmware&apos;s boot manager.</source>
        <translation>Die UEFI-Variablen von &apos;%1&apos; (%2) konnten nicht kopiert werden, daher startet &apos;%3&apos; mit den Voreinstellungen der Firmware; findet es seinen Bootloader nicht, wählen Sie seinen Datenträger im Boot-Manager der Firmware.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has UEFI variables of its own (%2): those of point %3.</source>
        <translation>&apos;%1&apos; hat eigene UEFI-Variablen (%2): die des Sicherungspunkts %3.</translation>
    </message>
</context>
<context>
    <name>PointExport</name>
    <message>
        <source>Images can be exported as qcow2 or raw, not as &apos;%1&apos;.</source>
        <translation>Abbilder können als qcow2 oder raw exportiert werden, nicht als &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Choose the folder to export into: --export DIR.</source>
        <translation>Wählen Sie den Ordner, in den exportiert werden soll: --export DIR.</translation>
    </message>
    <message>
        <source> Nothing was exported.</source>
        <translation> Es wurde nichts exportiert.</translation>
    </message>
    <message>
        <source>%1 exists already; Rewind never overwrites a file. Move it away or export into another folder. Nothing was exported.</source>
        <translation>%1 existiert bereits; Rewind überschreibt nie eine Datei. Verschieben Sie sie oder exportieren Sie in einen anderen Ordner. Es wurde nichts exportiert.</translation>
    </message>
    <message>
        <source>The export of point %1</source>
        <translation>Der Export von Punkt %1</translation>
    </message>
    <message>
        <source>The images written so far were removed.</source>
        <translation>Die bisher geschriebenen Abbilder wurden entfernt.</translation>
    </message>
    <message>
        <source>The RAM state is not part of an export; it stays in the point as %1 (a libvirt save image once decompressed with zstd -d).</source>
        <translation>Der RAM-Zustand ist nicht Teil eines Exports; er bleibt als %1 im Punkt (nach dem Entpacken mit zstd -d ein libvirt-Save-Abbild).</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>Es wurde nichts exportiert.</translation>
    </message>
    <message>
        <source>The UEFI variables are not part of an export either; they stay in the point as %1 (a VM booting the exported disks takes them as its &lt;nvram&gt; file).</source>
        <translation>Auch die UEFI-Variablen gehören nicht zum Export; sie bleiben im Sicherungspunkt als %1 (eine VM, die von den exportierten Festplatten startet, verwendet sie als ihre &lt;nvram&gt;-Datei).</translation>
    </message>
</context>
<context>
    <name>PointManifest</name>
    <message>
        <source>The point manifest is damaged: the field &apos;%1&apos; %2. Verify the repository; this point cannot be restored as it is.</source>
        <translation>Das Punkt-Manifest ist beschädigt: Das Feld &apos;%1&apos; %2. Prüfen Sie das Repository; dieser Punkt kann so nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is not a string</source>
        <translation>ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is not a non-negative integer</source>
        <translation>ist keine nicht-negative ganze Zahl</translation>
    </message>
    <message>
        <source>is not a SHA-256 in lower-case hex</source>
        <translation>ist kein SHA-256-Wert in hexadezimalen Kleinbuchstaben</translation>
    </message>
    <message>
        <source>is not a file name inside the point</source>
        <translation>ist kein Dateiname innerhalb des Punkts</translation>
    </message>
    <message>
        <source>is not a valid format number</source>
        <translation>ist keine gültige Formatnummer</translation>
    </message>
    <message>
        <source>This point was written by a newer version of Rewind (manifest format %1; this version reads up to %2). Update Rewind to use it.</source>
        <translation>Dieser Punkt wurde von einer neueren Version von Rewind geschrieben (Manifest-Format %1; diese Version liest bis %2). Aktualisieren Sie Rewind, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>is not a UUID</source>
        <translation>ist keine UUID</translation>
    </message>
    <message>
        <source>is not an ISO 8601 date and time</source>
        <translation>ist kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <source>has the unknown value &apos;%1&apos;</source>
        <translation>hat den unbekannten Wert &apos;%1&apos;</translation>
    </message>
    <message>
        <source>is not a point id</source>
        <translation>ist keine Punkt-ID</translation>
    </message>
    <message>
        <source>is set for a full point</source>
        <translation>ist bei einem vollen Punkt gesetzt</translation>
    </message>
    <message>
        <source>is not a list</source>
        <translation>ist keine Liste</translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation>ist kein Objekt</translation>
    </message>
    <message>
        <source>is not a file of this or another point</source>
        <translation>ist keine Datei dieses oder eines anderen Punkts</translation>
    </message>
    <message>
        <source>is present in a point without memory state</source>
        <translation>ist in einem Punkt ohne Speicherzustand vorhanden</translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation>ist weder true noch false</translation>
    </message>
    <message>
        <source>The point manifest is damaged: it is not valid JSON. Verify the repository; this point cannot be restored as it is.</source>
        <translation>Das Punkt-Manifest ist beschädigt: Es ist kein gültiges JSON. Prüfen Sie das Repository; dieser Punkt kann so nicht wiederhergestellt werden.</translation>
    </message>
</context>
<context>
    <name>PointProtection</name>
    <message>
        <source>The VM has no complete backup point yet. Back it up first.</source>
        <translation>Die VM hat noch keinen vollständigen Sicherungspunkt. Sichern Sie sie zuerst.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a point id. Give an id as listed by rewindctl points (like 20261126T101500Z), or &quot;latest&quot;.</source>
        <translation>&apos;%1&apos; ist keine Punkt-ID. Geben Sie eine ID an, wie sie rewindctl points auflistet (etwa 20261126T101500Z), oder &quot;latest&quot;.</translation>
    </message>
    <message>
        <source>The point %1 is incomplete (an interrupted backup); it cannot be marked.</source>
        <translation>Der Punkt %1 ist unvollständig (eine unterbrochene Sicherung); er kann nicht markiert werden.</translation>
    </message>
    <message>
        <source>The manifest of point %1 cannot be read, so it cannot be marked. Check it with rewindctl verify.</source>
        <translation>Das Manifest von Punkt %1 kann nicht gelesen werden, daher kann er nicht markiert werden. Prüfen Sie ihn mit rewindctl verify.</translation>
    </message>
</context>
<context>
    <name>PointSnapshot</name>
    <message>
        <source>The guest agent of &apos;%1&apos; did not answer, so its file systems could not be frozen. Install and start qemu-guest-agent in the guest, or back up without --quiesce.</source>
        <translation>Der Gast-Agent von &apos;%1&apos; hat nicht geantwortet, daher konnten die Dateisysteme nicht eingefroren werden. Installieren und starten Sie qemu-guest-agent im Gast oder sichern Sie ohne --quiesce.</translation>
    </message>
</context>
<context>
    <name>PruneOperation</name>
    <message>
        <source>Could not open %1.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The retention policy stored for &apos;%1&apos; is invalid (%2). Set it again.</source>
        <translation>Die für &apos;%1&apos; gespeicherten Aufbewahrungsregeln sind ungültig (%2). Legen Sie sie erneut fest.</translation>
    </message>
    <message>
        <source>Pruning &apos;%1&apos; failed: </source>
        <translation>Aufräumen von &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>%1 Rewind finishes removing the points the next time it starts.</source>
        <translation>%1 Rewind schließt das Entfernen der Punkte beim nächsten Start ab.</translation>
    </message>
    <message>
        <source>making %1 a full point</source>
        <translation>%1 zu einem vollen Punkt machen</translation>
    </message>
    <message>
        <source>merging into %1</source>
        <translation>in %1 zusammenführen</translation>
    </message>
    <message>
        <source>Internal error: a merge names a disk the point lacks.</source>
        <translation>Interner Fehler: Eine Zusammenführung nennt eine Platte, die der Punkt nicht hat.</translation>
    </message>
    <message>
        <source>Merging into point %1: </source>
        <translation>Zusammenführen in Punkt %1: </translation>
    </message>
    <message>
        <source>Replacing the images of point %1 failed: %2 Rewind completes this the next time it starts.</source>
        <translation>Das Ersetzen der Abbilder von Punkt %1 ist fehlgeschlagen: %2 Rewind schließt dies beim nächsten Start ab.</translation>
    </message>
    <message>
        <source>Merging disk %1 needs about %2 of free space in %3, but only %4 is free. Free some space, or keep more points so that fewer need merging.</source>
        <translation>Das Zusammenführen von Platte %1 benötigt etwa %2 freien Speicherplatz in %3, aber nur %4 ist frei. Geben Sie Speicherplatz frei oder behalten Sie mehr Punkte, damit weniger zusammengeführt werden müssen.</translation>
    </message>
    <message>
        <source>Could not write disk %1 as a full image.</source>
        <translation>Platte %1 konnte nicht als volles Abbild geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not fold the pruned points into disk %1.</source>
        <translation>Die aufgeräumten Punkte konnten nicht in Platte %1 eingearbeitet werden.</translation>
    </message>
    <message>
        <source>Could not restrict the permissions of %1.</source>
        <translation>Die Berechtigungen von %1 konnten nicht eingeschränkt werden.</translation>
    </message>
    <message>
        <source>Deleting points of &apos;%1&apos; failed: </source>
        <translation>Löschen von Punkten von &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>An interrupted %1 of &apos;%2&apos; has not been repaired yet. Start Rewind or run any rewindctl command to repair it, then try again.</source>
        <translation>Ein unterbrochener Auftrag (%1) für &apos;%2&apos; wurde noch nicht repariert. Starten Sie Rewind oder führen Sie einen beliebigen rewindctl-Befehl aus, um ihn zu reparieren, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>PruneRecovery</name>
    <message>
        <source>The point %1 was to be pruned, but its manifest can no longer be read; it was left alone. Check it with rewindctl verify.</source>
        <translation>Der Punkt %1 sollte beim Aufräumen entfernt werden, aber sein Manifest kann nicht mehr gelesen werden; er wurde unverändert gelassen. Prüfen Sie ihn mit rewindctl verify.</translation>
    </message>
    <message>
        <source>The journal of an interrupted deletion of points of &apos;%1&apos; is damaged (field &apos;%2&apos;); it was kept in %3. Check the points with rewindctl verify.</source>
        <translation>Das Journal eines unterbrochenen Löschens von Punkten von &apos;%1&apos; ist beschädigt (Feld &apos;%2&apos;); es wurde in %3 aufbewahrt. Prüfen Sie die Punkte mit rewindctl verify.</translation>
    </message>
    <message>
        <source>The journal of an interrupted prune of &apos;%1&apos; is damaged (field &apos;%2&apos;); it was kept in %3. Check the points with rewindctl verify.</source>
        <translation>Das Journal eines unterbrochenen Aufräumens von &apos;%1&apos; ist beschädigt (Feld &apos;%2&apos;); es wurde in %3 aufbewahrt. Prüfen Sie die Punkte mit rewindctl verify.</translation>
    </message>
    <message>
        <source>The next prune finishes the job.</source>
        <translation>Das nächste Aufräumen schließt den Auftrag ab.</translation>
    </message>
    <message>
        <source>Not deleted yet: %1; delete them again to finish.</source>
        <translation>Noch nicht gelöscht: %1; löschen Sie sie erneut, um den Vorgang abzuschließen.</translation>
    </message>
    <message>
        <source>Rolled back an interrupted deletion of points of &apos;%1&apos; (stopped while merging into point %2): every point there is as before.</source>
        <translation>Unterbrochenes Löschen von Punkten von &apos;%1&apos; rückgängig gemacht (angehalten beim Zusammenführen in Punkt %2): Alle noch vorhandenen Punkte sind wie zuvor.</translation>
    </message>
    <message>
        <source>Rolled back an interrupted prune of &apos;%1&apos; (stopped while merging into point %2): every point is as before.</source>
        <translation>Unterbrochenes Aufräumen von &apos;%1&apos; rückgängig gemacht (angehalten beim Zusammenführen in Punkt %2): Alle Punkte sind wie zuvor.</translation>
    </message>
    <message>
        <source>Completed an interrupted step of a deletion of points of &apos;%1&apos;: point %2 now holds the data of the points it was stored on.</source>
        <translation>Unterbrochenen Schritt eines Löschens von Punkten von &apos;%1&apos; abgeschlossen: Punkt %2 enthält nun die Daten der Punkte, auf denen er aufbaute.</translation>
    </message>
    <message>
        <source>Completed an interrupted prune step of &apos;%1&apos;: point %2 now holds the data of the points it was stored on.</source>
        <translation>Unterbrochenen Aufräumschritt von &apos;%1&apos; abgeschlossen: Punkt %2 enthält nun die Daten der Punkte, auf denen er aufbaute.</translation>
    </message>
    <message>
        <source>Completed an interrupted deletion of points of &apos;%1&apos;: removed points %2.</source>
        <translation>Unterbrochenes Löschen von Punkten von &apos;%1&apos; abgeschlossen: Punkte %2 entfernt.</translation>
    </message>
    <message>
        <source>Completed an interrupted prune of &apos;%1&apos;: removed points %2.</source>
        <translation>Unterbrochenes Aufräumen von &apos;%1&apos; abgeschlossen: Punkte %2 entfernt.</translation>
    </message>
    <message>
        <source>An interrupted deletion of points of &apos;%1&apos; stopped between two steps; every point is intact.</source>
        <translation>Ein unterbrochenes Löschen von Punkten von &apos;%1&apos; hat zwischen zwei Schritten angehalten; alle Punkte sind intakt.</translation>
    </message>
    <message>
        <source>An interrupted prune of &apos;%1&apos; stopped between two steps; every point is intact.</source>
        <translation>Ein unterbrochenes Aufräumen von &apos;%1&apos; hat zwischen zwei Schritten angehalten; alle Punkte sind intakt.</translation>
    </message>
</context>
<context>
    <name>Qcow2Header</name>
    <message>
        <source>The image header could not be updated: %1</source>
        <translation>Der Abbild-Header konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>it is not a qcow2 image.</source>
        <translation>Es ist kein qcow2-Abbild.</translation>
    </message>
    <message>
        <source>qcow2 version %1 is not supported.</source>
        <translation>qcow2-Version %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>its cluster size is invalid.</source>
        <translation>Seine Cluster-Größe ist ungültig.</translation>
    </message>
    <message>
        <source>less than its first cluster was read.</source>
        <translation>Es wurde weniger als sein erster Cluster gelesen.</translation>
    </message>
    <message>
        <source>its header length is invalid.</source>
        <translation>Seine Header-Länge ist ungültig.</translation>
    </message>
    <message>
        <source>its header extensions do not end.</source>
        <translation>Seine Header-Erweiterungen enden nicht.</translation>
    </message>
    <message>
        <source>a header extension is longer than the header cluster.</source>
        <translation>Eine Header-Erweiterung ist länger als der Header-Cluster.</translation>
    </message>
    <message>
        <source>images with an external data file or encryption are not supported.</source>
        <translation>Abbilder mit externer Datendatei oder Verschlüsselung werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>the backing file name is too long.</source>
        <translation>Der Name der Backing-Datei ist zu lang.</translation>
    </message>
    <message>
        <source>the backing file name does not fit into the header cluster.</source>
        <translation>Der Name der Backing-Datei passt nicht in den Header-Cluster.</translation>
    </message>
</context>
<context>
    <name>QemuImg</name>
    <message>
        <source>qemu-img could not be started; install qemu-utils.</source>
        <translation>qemu-img konnte nicht gestartet werden; installieren Sie qemu-utils.</translation>
    </message>
    <message>
        <source>Could not read the image %1.</source>
        <translation>Das Abbild %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The merged image %1 does not show the same data as %2; nothing was changed. Run rewindctl verify and report this problem.</source>
        <translation>Das zusammengeführte Abbild %1 zeigt nicht dieselben Daten wie %2; es wurde nichts geändert. Führen Sie rewindctl verify aus und melden Sie dieses Problem.</translation>
    </message>
    <message>
        <source>Could not compare %1 with %2.</source>
        <translation>%1 konnte nicht mit %2 verglichen werden.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>incomplete point %1 removed</source>
        <translation>unvollständiger Punkt %1 entfernt</translation>
    </message>
    <message>
        <source>Repaired an interrupted backup of &apos;%1&apos; (started %2, stopped at step &apos;%3&apos;): disks back on their own images%4.</source>
        <translation>Unterbrochene Sicherung von &apos;%1&apos; repariert (gestartet %2, angehalten bei Schritt &apos;%3&apos;): Platten wieder auf ihren eigenen Abbildern%4.</translation>
    </message>
    <message>
        <source>Repairing an interrupted prune of &apos;%1&apos; failed: </source>
        <translation>Reparatur eines unterbrochenen Aufräumens von &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>Repairing an interrupted restore of &apos;%1&apos; failed: </source>
        <translation>Reparatur einer unterbrochenen Wiederherstellung von &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>A journal of an unknown job (%1) on &apos;%2&apos; was left alone.</source>
        <translation>Ein Journal eines unbekannten Auftrags (%1) für &apos;%2&apos; wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>Repairing an interrupted job on &apos;%1&apos; failed: </source>
        <translation>Reparatur eines unterbrochenen Auftrags für &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>Removed incomplete backup points: %1.</source>
        <translation>Unvollständige Sicherungspunkte entfernt: %1.</translation>
    </message>
    <message>
        <source>its RAM image deleted</source>
        <translation>das RAM-Abbild gelöscht</translation>
    </message>
    <message>
        <source>Repairing an interrupted deletion of points of &apos;%1&apos; failed: </source>
        <translation>Reparatur eines unterbrochenen Löschens von Punkten von &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>The repository marker %1 is damaged (not valid JSON). Restore it from another copy or recreate it.</source>
        <translation>Die Repository-Markierungsdatei %1 ist beschädigt (kein gültiges JSON). Stellen Sie sie aus einer anderen Kopie wieder her oder legen Sie sie neu an.</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>No repository folder was given.</source>
        <translation>Es wurde kein Repository-Ordner angegeben.</translation>
    </message>
    <message>
        <source>%1 cannot be a repository folder: a part of its path is a file.</source>
        <translation>%1 kann kein Repository-Ordner sein: Ein Teil seines Pfads ist eine Datei.</translation>
    </message>
    <message>
        <source>Could not open the repository folder %1.</source>
        <translation>Der Repository-Ordner %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder for the repository.</source>
        <translation>%1 ist eine Datei, kein Ordner. Wählen Sie einen Ordner für das Repository.</translation>
    </message>
    <message>
        <source>The folder %1 is not empty and holds no Rewind repository. Choose an empty folder for a new repository.</source>
        <translation>Der Ordner %1 ist nicht leer und enthält kein Rewind-Repository. Wählen Sie einen leeren Ordner für ein neues Repository.</translation>
    </message>
    <message>
        <source>The repository marker %1 is damaged (no valid format number).</source>
        <translation>Die Repository-Markierungsdatei %1 ist beschädigt (keine gültige Formatnummer).</translation>
    </message>
    <message>
        <source>The repository at %1 has format %2, which this version of Rewind (%3) cannot use. Update Rewind or choose another folder.</source>
        <translation>Das Repository unter %1 hat das Format %2, das diese Version von Rewind (%3) nicht verwenden kann. Aktualisieren Sie Rewind oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The repository folder %1 is not writable by user %2. Choose another folder or fix its permissions.</source>
        <translation>Der Repository-Ordner %1 ist für den Benutzer %2 nicht beschreibbar. Wählen Sie einen anderen Ordner oder korrigieren Sie seine Berechtigungen.</translation>
    </message>
    <message>
        <source>Could not find out the free space of %1.</source>
        <translation>Der freie Speicherplatz von %1 konnte nicht ermittelt werden.</translation>
    </message>
    <message>
        <source>The repository folder %1 has disappeared.</source>
        <translation>Der Repository-Ordner %1 ist verschwunden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a VM id.</source>
        <translation>&apos;%1&apos; ist keine VM-ID.</translation>
    </message>
    <message>
        <source>%1 belongs to another VM (%2).</source>
        <translation>%1 gehört zu einer anderen VM (%2).</translation>
    </message>
    <message>
        <source>The manifest belongs to another VM (%1).</source>
        <translation>Das Manifest gehört zu einer anderen VM (%1).</translation>
    </message>
    <message>
        <source>Point %1: </source>
        <translation>Punkt %1: </translation>
    </message>
    <message>
        <source>&apos;%1/%2&apos; is not a point id.</source>
        <translation>&apos;%1/%2&apos; ist keine Punkt-ID.</translation>
    </message>
    <message>
        <source>The point %1 does not exist in the repository.</source>
        <translation>Der Punkt %1 existiert nicht im Repository.</translation>
    </message>
    <message>
        <source>Internal error: the repository was changed without holding its lock.</source>
        <translation>Interner Fehler: Das Repository wurde geändert, ohne seine Sperre zu halten.</translation>
    </message>
    <message>
        <source>Internal error: a point needs a valid time.</source>
        <translation>Interner Fehler: Ein Punkt benötigt eine gültige Zeit.</translation>
    </message>
    <message>
        <source>Too many points were created in the same second.</source>
        <translation>In derselben Sekunde wurden zu viele Punkte erstellt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a point id.</source>
        <translation>&apos;%1&apos; ist keine Punkt-ID.</translation>
    </message>
    <message>
        <source>Internal error: the manifest belongs to another VM.</source>
        <translation>Interner Fehler: Das Manifest gehört zu einer anderen VM.</translation>
    </message>
    <message>
        <source>Internal error: refusing to write an invalid manifest. </source>
        <translation>Interner Fehler: Das Schreiben eines ungültigen Manifests wird verweigert. </translation>
    </message>
    <message>
        <source>The point %1 cannot be committed: its file %2 is missing or does not have the size the manifest records.</source>
        <translation>Der Punkt %1 kann nicht festgeschrieben werden: Seine Datei %2 fehlt oder hat nicht die im Manifest verzeichnete Größe.</translation>
    </message>
    <message>
        <source>The point %1 cannot be removed: the incremental points %2 are stored as changes on top of it.</source>
        <translation>Der Punkt %1 kann nicht entfernt werden: Die inkrementellen Punkte %2 bauen als Änderungen auf ihm auf.</translation>
    </message>
    <message>
        <source>%1 is under %2, where removable drives are mounted, but no drive that holds it is mounted now. Plug the drive in and mount it (open it in the file manager), then try again.</source>
        <translation>%1 liegt unter %2, wo Wechseldatenträger eingehängt werden, aber kein Laufwerk, das diesen Ordner enthält, ist gerade eingehängt. Schließen Sie das Laufwerk an und hängen Sie es ein (öffnen Sie es im Dateimanager), dann versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 is on %2, a mount point in /etc/fstab that is not mounted now. Mount it, then try again.</source>
        <translation>%1 liegt auf %2, einem Einhängepunkt aus /etc/fstab, der gerade nicht eingehängt ist. Hängen Sie ihn ein und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>There is no Rewind repository at %1. If it is on a drive, plug the drive in and mount it; else choose the folder of an existing repository, or create a new one.</source>
        <translation>Unter %1 gibt es kein Rewind-Repository. Liegt es auf einem Laufwerk, schließen Sie das Laufwerk an und hängen Sie es ein; wählen Sie sonst den Ordner eines vorhandenen Repositorys, oder legen Sie ein neues an.</translation>
    </message>
    <message>
        <source>%1 is not a Rewind repository (%2 is missing). If it is on a drive, plug the drive in and mount it; else choose the folder of an existing repository, or create a new one.</source>
        <translation>%1 ist kein Rewind-Repository (%2 fehlt). Liegt es auf einem Laufwerk, schließen Sie das Laufwerk an und hängen Sie es ein; wählen Sie sonst den Ordner eines vorhandenen Repositorys, oder legen Sie ein neues an.</translation>
    </message>
</context>
<context>
    <name>RepositoryLock</name>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>%1 in process %2</source>
        <translation>%1 in Prozess %2</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Cannot lock VM &apos;%1&apos;: invalid repository or VM id.</source>
        <translation>VM &apos;%1&apos; kann nicht gesperrt werden: ungültiges Repository oder ungültige VM-ID.</translation>
    </message>
    <message>
        <source>Another Rewind job is already working on VM &apos;%1&apos;. Wait for it to finish.</source>
        <translation>Ein anderer Rewind-Auftrag arbeitet bereits an VM &apos;%1&apos;. Warten Sie, bis er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Another Rewind job is already working on VM &apos;%1&apos; (%2). Wait for it to finish.</source>
        <translation>Ein anderer Rewind-Auftrag arbeitet bereits an VM &apos;%1&apos; (%2). Warten Sie, bis er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Could not lock VM &apos;%1&apos; in the repository.</source>
        <translation>VM &apos;%1&apos; konnte im Repository nicht gesperrt werden.</translation>
    </message>
    <message>
        <source>The repository at %1 is no longer there (%2 is missing). If it is on a drive, plug the drive in and mount it, then try again.</source>
        <translation>Das Repository unter %1 ist nicht mehr da (%2 fehlt). Liegt es auf einem Laufwerk, schließen Sie das Laufwerk an und hängen Sie es ein, dann versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>RestoreContext</name>
    <message>
        <source>Point %1 is damaged (%2); it is restored anyway, as asked with --ignore-damage. Check the restored VM&apos;s data.</source>
        <translation>Punkt %1 ist beschädigt (%2); er wird trotzdem wiederhergestellt, wie mit --ignore-damage verlangt. Prüfen Sie die Daten der wiederhergestellten VM.</translation>
    </message>
    <message>
        <source>Restore of &apos;%1&apos; failed: </source>
        <translation>Wiederherstellung von &apos;%1&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>Restore of &apos;%1&apos; as &apos;%2&apos; failed: </source>
        <translation>Wiederherstellung von &apos;%1&apos; als &apos;%2&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>Export of point %1 of &apos;%2&apos; failed: </source>
        <translation>Export von Punkt %1 von &apos;%2&apos; fehlgeschlagen: </translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; is damaged: %3. Restore another point, or add --ignore-damage to restore what is there.</source>
        <translation>Punkt %1 von &apos;%2&apos; ist beschädigt: %3. Stellen Sie einen anderen Punkt wieder her oder fügen Sie --ignore-damage hinzu, um wiederherzustellen, was vorhanden ist.</translation>
    </message>
</context>
<context>
    <name>RestoreOperation</name>
    <message>
        <source>Point %1 was skipped: its manifest cannot be read (%2).</source>
        <translation>Punkt %1 wurde übersprungen: Sein Manifest kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no complete backup point in %2. Back it up first.</source>
        <translation>&apos;%1&apos; hat keinen vollständigen Sicherungspunkt in %2. Sichern Sie die VM zuerst.</translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; is incomplete (an interrupted backup) and cannot be restored. &apos;rewindctl points %3&apos; lists the complete ones.</source>
        <translation>Punkt %1 von &apos;%2&apos; ist unvollständig (eine unterbrochene Sicherung) und kann nicht wiederhergestellt werden. &apos;rewindctl points %3&apos; listet die vollständigen auf.</translation>
    </message>
    <message>
        <source>The manifest of point %1 of &apos;%2&apos; cannot be read (%3), so Rewind does not know what the point holds. Restore another point.</source>
        <translation>Das Manifest von Punkt %1 von &apos;%2&apos; kann nicht gelesen werden (%3), daher weiß Rewind nicht, was der Punkt enthält. Stellen Sie einen anderen Punkt wieder her.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no point %2. &apos;rewindctl points %3&apos; lists its points.</source>
        <translation>&apos;%1&apos; hat keinen Punkt %2. &apos;rewindctl points %3&apos; listet seine Punkte auf.</translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; holds no disk.</source>
        <translation>Punkt %1 von &apos;%2&apos; enthält keine Platte.</translation>
    </message>
</context>
<context>
    <name>RestoreRecovery</name>
    <message>
        <source> It is shut off; start it with: virsh start &apos;%1&apos;</source>
        <translation> Die VM ist ausgeschaltet; starten Sie sie mit: virsh start &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Finished an interrupted restore of &apos;%1&apos; to point %2 (started %3, stopped at step &apos;%4&apos;): it runs from the restored images.</source>
        <translation>Eine unterbrochene Wiederherstellung von &apos;%1&apos; auf Punkt %2 wurde abgeschlossen (Beginn: %3, abgebrochen bei Schritt &apos;%4&apos;): Die VM läuft mit den wiederhergestellten Abbildern.</translation>
    </message>
    <message>
        <source>Undid an interrupted restore of &apos;%1&apos; to point %2 (started %3, stopped at step &apos;%4&apos;): its own images are back in place.%5</source>
        <translation>Eine unterbrochene Wiederherstellung von &apos;%1&apos; auf Punkt %2 wurde rückgängig gemacht (Beginn: %3, abgebrochen bei Schritt &apos;%4&apos;): Die eigenen Abbilder der VM sind wieder an ihrem Platz.%5</translation>
    </message>
    <message>
        <source>Cleaned up an interrupted restore of &apos;%1&apos; to point %2 (started %3, stopped at step &apos;%4&apos;): its images were not touched.%5</source>
        <translation>Eine unterbrochene Wiederherstellung von &apos;%1&apos; auf Punkt %2 wurde bereinigt (Beginn: %3, abgebrochen bei Schritt &apos;%4&apos;): Die Abbilder der VM blieben unberührt.%5</translation>
    </message>
    <message>
        <source>A restore of point %1 of &apos;%2&apos; as the new VM &apos;%3&apos; was interrupted after &apos;%3&apos; was defined with all its disks; it is kept.%4</source>
        <translation>Eine Wiederherstellung von Punkt %1 von &apos;%2&apos; als neue VM &apos;%3&apos; wurde unterbrochen, nachdem &apos;%3&apos; mit allen Platten definiert war; die VM bleibt erhalten.%4</translation>
    </message>
    <message>
        <source>Removed the partial images of an interrupted restore of point %1 of &apos;%2&apos; as the new VM &apos;%3&apos; (started %4); &apos;%2&apos; itself was not touched.</source>
        <translation>Die unvollständigen Abbilder einer unterbrochenen Wiederherstellung von Punkt %1 von &apos;%2&apos; als neue VM &apos;%3&apos; (Beginn: %4) wurden entfernt; &apos;%2&apos; selbst blieb unberührt.</translation>
    </message>
    <message>
        <source>Removed the partial images of an interrupted export of point %1 of &apos;%2&apos;%3.</source>
        <translation>Die unvollständigen Abbilder eines unterbrochenen Exports von Punkt %1 von &apos;%2&apos; wurden entfernt%3.</translation>
    </message>
    <message>
        <source>; kept the finished ones: %1</source>
        <translation>; die fertigen wurden behalten: %1</translation>
    </message>
    <message>
        <source>A restore journal of &apos;%1&apos; with an unknown mode &apos;%2&apos; was removed; nothing was changed.</source>
        <translation>Ein Wiederherstellungs-Journal von &apos;%1&apos; mit dem unbekannten Modus &apos;%2&apos; wurde entfernt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Undid an interrupted restore of the removed VM &apos;%1&apos; to point %2 (started %3, stopped at step &apos;%4&apos;): it is still not defined in libvirt, and any images that were at its paths are back in place.</source>
        <translation>Eine unterbrochene Wiederherstellung der entfernten VM &apos;%1&apos; auf Punkt %2 wurde rückgängig gemacht (gestartet %3, angehalten bei Schritt &apos;%4&apos;): Sie ist weiterhin nicht in libvirt definiert, und Abbilder, die unter ihren Pfaden lagen, sind wieder an ihrem Platz.</translation>
    </message>
</context>
<context>
    <name>Rewind</name>
    <message>
        <source>Preparing</source>
        <translation>Wird vorbereitet</translation>
    </message>
    <message>
        <source>Taking snapshot</source>
        <translation>Snapshot wird erstellt</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Wird kopiert</translation>
    </message>
    <message>
        <source>Merging changes back</source>
        <translation>Änderungen werden zusammengeführt</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Wird abgeschlossen</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>Wird aufgeräumt</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Merging the changes of disk %1 back failed.</source>
        <translation>Das Zusammenführen der Änderungen von Platte %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Merging the changes of disk %1 back did not finish in time.</source>
        <translation>Das Zusammenführen der Änderungen von Platte %1 wurde nicht rechtzeitig fertig.</translation>
    </message>
    <message>
        <source>Could not merge the overlay %1 back into %2.</source>
        <translation>Das Overlay %1 konnte nicht in %2 zusammengeführt werden.</translation>
    </message>
    <message>
        <source>The domain definition could not be read.</source>
        <translation>Die Domänendefinition konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not subscribe to domain events.</source>
        <translation>Domänenereignisse konnten nicht abonniert werden.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>Fährt herunter</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendiert</translation>
    </message>
    <message>
        <source>The domain has no disk &apos;%1&apos;.</source>
        <translation>Die Domäne hat keine Platte &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Free some space or choose another repository.</source>
        <translation>Der Datenträger mit %1 ist voll. Geben Sie Speicherplatz frei oder wählen Sie ein anderes Repository.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The compressed memory image %1 is damaged.</source>
        <translation>Das komprimierte RAM-Abbild %1 ist beschädigt.</translation>
    </message>
    <message>
        <source>The compressed memory image %1 is truncated.</source>
        <translation>Das komprimierte RAM-Abbild %1 ist abgeschnitten.</translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; now uses %3, which is neither its image nor Rewind&apos;s overlay.</source>
        <translation>Platte %1 von &apos;%2&apos; verwendet jetzt %3, das weder ihr Abbild noch das Overlay von Rewind ist.</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
</context>
<context>
    <name>Rewind::AboutBox</name>
    <message>
        <source>About Rewind</source>
        <translation>Über Rewind</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rewind %1&lt;/b&gt;&lt;br&gt;Live backups of libvirt virtual machines, RAM included.&lt;p&gt;Qt %2, libvirt %3.&lt;/p&gt;&lt;p&gt;Rewind is free software under the GNU General Public License, version 3.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Rewind %1&lt;/b&gt;&lt;br&gt;Live-Sicherungen virtueller Maschinen von libvirt, einschließlich RAM.&lt;p&gt;Qt %2, libvirt %3.&lt;/p&gt;&lt;p&gt;Rewind ist freie Software unter der GNU General Public License, Version 3.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Rewind::Autostart</name>
    <message>
        <source>Scheduled backups of virtual machines run while Rewind runs.</source>
        <translation>Geplante Sicherungen virtueller Maschinen laufen, solange Rewind läuft.</translation>
    </message>
    <message>
        <source>Rewind could not ask the desktop to start it at login (%1). Add it to the desktop&apos;s autostart settings instead.</source>
        <translation>Rewind konnte den Desktop nicht bitten, es bei der Anmeldung zu starten (%1). Fügen Sie es stattdessen in den Autostart-Einstellungen des Desktops hinzu.</translation>
    </message>
    <message>
        <source>The desktop did not allow Rewind to start at login. Allow Rewind to run in the background in the desktop&apos;s settings, then turn Start at Login on again.</source>
        <translation>Der Desktop hat nicht erlaubt, Rewind bei der Anmeldung zu starten. Erlauben Sie Rewind in den Einstellungen des Desktops, im Hintergrund zu laufen, und schalten Sie dann „Beim Anmelden starten“ wieder ein.</translation>
    </message>
    <message>
        <source>%1 was not written by Rewind; it was left alone. Remove it, or turn Rewind off in your desktop&apos;s autostart settings.</source>
        <translation>%1 wurde nicht von Rewind geschrieben und bleibt unverändert. Entfernen Sie die Datei, oder schalten Sie Rewind in den Autostart-Einstellungen Ihres Desktops aus.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Rewind::BackupJob</name>
    <message>
        <source>Back up &apos;%1&apos;</source>
        <translation>&apos;%1&apos; sichern</translation>
    </message>
</context>
<context>
    <name>Rewind::BackupSettingsDialog</name>
    <message>
        <source>Backup Settings of %1</source>
        <translation>Sicherungseinstellungen von %1</translation>
    </message>
    <message>
        <source>%1 Saving replaces the stored settings with the ones shown.</source>
        <translation>%1 Beim Speichern werden die gespeicherten Einstellungen durch die angezeigten ersetzt.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>No scheduled backups</source>
        <translation>Keine geplanten Sicherungen</translation>
    </message>
    <message>
        <source>At a fixed interval</source>
        <translation>In festem Abstand</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>On chosen days of the week</source>
        <translation>An ausgewählten Wochentagen</translation>
    </message>
    <message>
        <source>&amp;Back up:</source>
        <translation>&amp;Sichern:</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>&amp;Alle:</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Um:</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Keep the &amp;last:</source>
        <translation>Die &amp;letzten behalten:</translation>
    </message>
    <message>
        <source>Keep &amp;hourly:</source>
        <translation>Stündlic&amp;h behalten:</translation>
    </message>
    <message>
        <source>Keep &amp;daily:</source>
        <translation>&amp;Täglich behalten:</translation>
    </message>
    <message>
        <source>Keep &amp;weekly:</source>
        <translation>&amp;Wöchentlich behalten:</translation>
    </message>
    <message>
        <source>Keep &amp;monthly:</source>
        <translation>&amp;Monatlich behalten:</translation>
    </message>
    <message>
        <source>Keep &amp;yearly:</source>
        <translation>&amp;Jährlich behalten:</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Punkte</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Hourly, daily... keep the newest point of each of the last N hours, days... that have points. Golden points are always kept. With every rule off, every point is kept. After each backup Rewind makes, points no rule keeps are removed.</source>
        <translation>„Stündlich“, „Täglich“ usw. behalten von jeder der letzten N Stunden, Tage usw., in denen es Punkte gibt, den neuesten Punkt. Goldene Punkte bleiben immer erhalten. Sind alle Regeln aus, bleiben alle Punkte erhalten. Nach jeder Sicherung durch Rewind werden die Punkte entfernt, die keine Regel behält.</translation>
    </message>
    <message>
        <source>Incremental points</source>
        <translation>Inkrementelle Punkte</translation>
    </message>
    <message>
        <source>never: every point is full</source>
        <translation>nie: jeder Punkt ist eine Vollsicherung</translation>
    </message>
    <message>
        <source> incremental points</source>
        <translation> inkrementellen Punkten</translation>
    </message>
    <message>
        <source>&amp;Full point after:</source>
        <translation>&amp;Vollsicherung nach:</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>Or when the chain is &amp;older than:</source>
        <translation>&amp;Oder wenn die Kette älter ist als:</translation>
    </message>
    <message>
        <source>%1 The settings were not saved; save again when the job has ended.</source>
        <translation>%1 Die Einstellungen wurden nicht gespeichert; speichern Sie erneut, wenn der Auftrag beendet ist.</translation>
    </message>
    <message>
        <source>%1 Saving replaces what could not be read with what is shown.</source>
        <translation>%1 Speichern ersetzt, was sich nicht lesen ließ, durch die angezeigten Einstellungen.</translation>
    </message>
    <message>
        <source>Scheduled backups run while Rewind runs, also from the system tray with the window closed. A missed run is made up once when Rewind starts.</source>
        <translation>Geplante Sicherungen laufen, solange Rewind läuft, auch aus dem Systemabschnitt der Kontrollleiste bei geschlossenem Fenster. Eine verpasste Sicherung wird einmal nachgeholt, wenn Rewind startet.</translation>
    </message>
    <message>
        <source>Start Rewind hidden in the tray when I &amp;log in</source>
        <translation>Rewind beim &amp;Anmelden ausgeblendet im Systemabschnitt starten</translation>
    </message>
    <message>
        <source>&amp;Check the stored backups once a week, when no backup runs</source>
        <translation>Gespeicherte Sicherungen einmal pro Woche &amp;prüfen, wenn keine Sicherung läuft</translation>
    </message>
</context>
<context>
    <name>Rewind::ChainPolicy</name>
    <message>
        <source>Backup chain settings: </source>
        <translation>Einstellungen der Sicherungskette: </translation>
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
        <translation>Verbindung verloren, neuer Versuch …</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Add Connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>libvirt URI (for another host: qemu+ssh://user@host/system):</source>
        <translation>libvirt-URI (für einen anderen Rechner: qemu+ssh://user@host/system):</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a libvirt URI; it looks like qemu:///system.</source>
        <translation>&apos;%1&apos; ist keine libvirt-URI; diese sieht etwa so aus: qemu:///system.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
</context>
<context>
    <name>Rewind::DesktopApp</name>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>The folder %1 cannot be used as a backup repository: %2</source>
        <translation>Der Ordner %1 kann nicht als Sicherungs-Repository verwendet werden: %2</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Sicherung läuft</translation>
    </message>
    <message>
        <source>%1… %2 %</source>
        <translation>%1 … %2 %</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1 …</translation>
    </message>
    <message numerus="yes">
        <source>Rewind: %n job(s) running</source>
        <translation>
            <numerusform>Rewind: %n Auftrag läuft</numerusform>
            <numerusform>Rewind: %n Aufträge laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation>Rewind</translation>
    </message>
    <message>
        <source>Something needs your attention; open Rewind.</source>
        <translation>Etwas erfordert Ihre Aufmerksamkeit; öffnen Sie Rewind.</translation>
    </message>
    <message>
        <source>Quit Rewind</source>
        <translation>Rewind beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running. Quitting cancels them; a cancelled backup first puts its VM back on its own disks, which can take a moment.</source>
        <translation>
            <numerusform>%n Auftrag läuft noch. Beim Beenden wird er abgebrochen; eine abgebrochene Sicherung lässt ihre VM zuerst wieder auf deren eigenen Platten laufen, was einen Moment dauern kann.</numerusform>
            <numerusform>%n Aufträge laufen noch. Beim Beenden werden sie abgebrochen; eine abgebrochene Sicherung lässt ihre VM zuerst wieder auf deren eigenen Platten laufen, was einen Moment dauern kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Jobs and Quit</source>
        <translation>Aufträge abbrechen und beenden</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>The backup repository at %1 is available again.</source>
        <translation>Das Sicherungs-Repository unter %1 ist wieder verfügbar.</translation>
    </message>
    <message>
        <source>Waiting for the backup repository at %1.</source>
        <translation>Warte auf das Sicherungs-Repository unter %1.</translation>
    </message>
    <message>
        <source>No backups scheduled</source>
        <translation>Keine Sicherungen geplant</translation>
    </message>
    <message>
        <source>Next backup: &apos;%1&apos;, as soon as it can run</source>
        <translation>Nächste Sicherung: &apos;%1&apos;, sobald sie laufen kann</translation>
    </message>
    <message>
        <source>Next backup: &apos;%1&apos;, %2</source>
        <translation>Nächste Sicherung: &apos;%1&apos;, %2</translation>
    </message>
    <message>
        <source>Waiting for the backup repository</source>
        <translation>Warte auf das Sicherungs-Repository</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message numerus="yes">
        <source>Running: %1 and %n more</source>
        <translation>
            <numerusform>Läuft: %1 und %n weiterer</numerusform>
            <numerusform>Läuft: %1 und %n weitere</numerusform>
        </translation>
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
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
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
        <translation>Nur Platten, Dateisysteme eingefroren (Gast-Agent)</translation>
    </message>
    <message>
        <source>Cold copy (VM was shut off)</source>
        <translation>Kalte Kopie (VM war ausgeschaltet)</translation>
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
    <message>
        <source>today at %1</source>
        <translation>heute um %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>morgen um %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
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
        <translation>In Warteschlange: %1</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Vor dem Start abgebrochen.</translation>
    </message>
    <message>
        <source>Cancel requested.</source>
        <translation>Abbruch angefordert.</translation>
    </message>
    <message>
        <source>Started.</source>
        <translation>Gestartet.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Beendet.</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; stored (%3).</source>
        <translation>Punkt %1 von &apos;%2&apos; gespeichert (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) do not match what was stored. Keep them for forensics, and make a new backup so a good point exists.</source>
        <translation>
            <numerusform>%n Punkt stimmt nicht mit dem Gespeicherten überein. Behalten Sie ihn zur Untersuchung und erstellen Sie eine neue Sicherung, damit ein intakter Punkt existiert.</numerusform>
            <numerusform>%n Punkte stimmen nicht mit dem Gespeicherten überein. Behalten Sie sie zur Untersuchung und erstellen Sie eine neue Sicherung, damit ein intakter Punkt existiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) verified, all intact.</source>
        <translation>
            <numerusform>%n Punkt geprüft, er ist intakt.</numerusform>
            <numerusform>%n Punkte geprüft, alle intakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retention was not applied: %1</source>
        <translation>Aufbewahrungsregeln wurden nicht angewendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Retention removed %n older point(s) (%1 freed).</source>
        <translation>
            <numerusform>Die Aufbewahrungsregeln haben %n älteren Punkt entfernt (%1 freigegeben).</numerusform>
            <numerusform>Die Aufbewahrungsregeln haben %n ältere Punkte entfernt (%1 freigegeben).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::JobManager</name>
    <message>
        <source>Choose a backup repository first (File &gt; Choose Repository).</source>
        <translation>Wählen Sie zuerst ein Sicherungs-Repository (Datei &gt; Repository wählen).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is busy: %2. Wait for it to finish or cancel it.</source>
        <translation>&apos;%1&apos; ist beschäftigt: %2. Warten Sie, bis der Auftrag beendet ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is busy; try again when its current job has finished.</source>
        <translation>&apos;%1&apos; ist beschäftigt; versuchen Sie es erneut, wenn der aktuelle Auftrag beendet ist.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already runs on its own images.</source>
        <translation>&apos;%1&apos; läuft bereits auf den eigenen Abbildern.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; runs on its own images again; its next backup point is a full one.</source>
        <translation>&apos;%1&apos; läuft wieder auf den eigenen Abbildern; der nächste Sicherungspunkt ist eine Vollsicherung.</translation>
    </message>
    <message>
        <source>Stop tracking the changes of &apos;%1&apos;</source>
        <translation>Verfolgung der Änderungen von &apos;%1&apos; beenden</translation>
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
        <translation>Wartet auf einen freien Arbeitsprozess</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancelling, putting the VM back on its own disks…</source>
        <translation>Wird abgebrochen, die VM wird wieder auf ihre eigenen Platten gesetzt …</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>%1

Detail: %2</source>
        <translation>%1

Details: %2</translation>
    </message>
    <message>
        <source>Nothing was kept; the VM is on its own disks as before.</source>
        <translation>Es wurde nichts behalten; die VM läuft wie zuvor auf ihren eigenen Platten.</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Vor dem Ende angehalten.</translation>
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
        <translation>Erledigte Aufträge aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>No jobs yet. &quot;Back Up Now&quot; starts one; scheduled backups show up here too.</source>
        <translation>Noch keine Aufträge. „Jetzt sichern“ startet einen; geplante Sicherungen erscheinen hier ebenfalls.</translation>
    </message>
    <message numerus="yes">
        <source>Jobs (%n running)</source>
        <translation>
            <numerusform>Aufträge (%n läuft)</numerusform>
            <numerusform>Aufträge (%n laufen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Log of &quot;%1&quot;</source>
        <translation>Protokoll von „%1“</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technische Details: %1</translation>
    </message>
</context>
<context>
    <name>Rewind::Libvirt</name>
    <message>
        <source>Could not connect to libvirt at %1. Check that libvirtd runs and that you may use it, or choose another connection.</source>
        <translation>Keine Verbindung zu libvirt unter %1 möglich. Prüfen Sie, ob libvirtd läuft und Sie es verwenden dürfen, oder wählen Sie eine andere Verbindung.</translation>
    </message>
    <message>
        <source>Could not resume the virtual machine from its saved memory image %1.</source>
        <translation>Die virtuelle Maschine konnte nicht aus ihrem gespeicherten RAM-Abbild %1 fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Could not read the memory image %1.</source>
        <translation>Das RAM-Abbild %1 konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>Rewind::Libvirt::Domain</name>
    <message>
        <source>There is no virtual machine called &apos;%1&apos;. Check the name with &apos;rewindctl list&apos;.</source>
        <translation>Es gibt keine virtuelle Maschine namens &apos;%1&apos;. Prüfen Sie den Namen mit &apos;rewindctl list&apos;.</translation>
    </message>
    <message>
        <source>Could not list the virtual machines.</source>
        <translation>Die virtuellen Maschinen konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Could not define the virtual machine.</source>
        <translation>Die virtuelle Maschine konnte nicht definiert werden.</translation>
    </message>
    <message>
        <source>Could not read the state of &apos;%1&apos;.</source>
        <translation>Der Zustand von &apos;%1&apos; konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not read the definition of &apos;%1&apos;.</source>
        <translation>Die Definition von &apos;%1&apos; konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not start &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Could not stop &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; konnte nicht gestoppt werden.</translation>
    </message>
    <message>
        <source>Could not pause &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; konnte nicht pausiert werden.</translation>
    </message>
    <message>
        <source>Could not resume &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; konnte nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Could not shut down &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; konnte nicht heruntergefahren werden.</translation>
    </message>
    <message>
        <source>Could not remove the definition of &apos;%1&apos;.</source>
        <translation>Die Definition von &apos;%1&apos; konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not take a snapshot of &apos;%1&apos;.</source>
        <translation>Von &apos;%1&apos; konnte kein Snapshot erstellt werden.</translation>
    </message>
    <message>
        <source>Could not start merging the changes of disk %1 of &apos;%2&apos; back into its image.</source>
        <translation>Das Zusammenführen der Änderungen von Platte %1 von &apos;%2&apos; in ihr Abbild konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Could not read the progress of disk %1 of &apos;%2&apos;.</source>
        <translation>Der Fortschritt von Platte %1 von &apos;%2&apos; konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not finish the block job on disk %1 of &apos;%2&apos;.</source>
        <translation>Der Blockauftrag auf Platte %1 von &apos;%2&apos; konnte nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <source>Could not read the size of disk %1 of &apos;%2&apos;.</source>
        <translation>Die Größe von Platte %1 von &apos;%2&apos; konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The guest agent of &apos;%1&apos; did not freeze the file systems. Install and start qemu-guest-agent in the guest, or back up without --quiesce.</source>
        <translation>Der Gast-Agent von &apos;%1&apos; hat die Dateisysteme nicht eingefroren. Installieren und starten Sie qemu-guest-agent im Gast oder sichern Sie ohne --quiesce.</translation>
    </message>
    <message>
        <source>The guest agent of &apos;%1&apos; did not thaw the file systems.</source>
        <translation>Der Gast-Agent von &apos;%1&apos; hat die Dateisysteme nicht wieder freigegeben.</translation>
    </message>
</context>
<context>
    <name>Rewind::LibvirtFiles</name>
    <message>
        <source>libvirt could not open the folder %1 as a storage pool.</source>
        <translation>libvirt konnte den Ordner %1 nicht als Speicher-Pool öffnen.</translation>
    </message>
    <message>
        <source>libvirt cannot find %1.</source>
        <translation>libvirt kann %1 nicht finden.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>libvirt could not read the size of %1.</source>
        <translation>libvirt konnte die Größe von %1 nicht lesen.</translation>
    </message>
    <message>
        <source>libvirt could not send %1.</source>
        <translation>libvirt konnte %1 nicht senden.</translation>
    </message>
    <message>
        <source>Receiving %1 from libvirt failed.</source>
        <translation>Das Empfangen von %1 von libvirt ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Could not read the file being sent.</source>
        <translation>Die gesendete Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>libvirt could not create %1.</source>
        <translation>libvirt konnte %1 nicht erstellen.</translation>
    </message>
    <message>
        <source>libvirt could not receive %1.</source>
        <translation>libvirt konnte %1 nicht empfangen.</translation>
    </message>
    <message>
        <source>Sending %1 failed.</source>
        <translation>Das Senden von %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>libvirt could not delete %1.</source>
        <translation>libvirt konnte %1 nicht löschen.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>Rewind::MainWindow</name>
    <message>
        <source>Choose another backup method for &apos;%1&apos; (right-click it), or install qemu-guest-agent in the guest.</source>
        <translation>Wählen Sie für &apos;%1&apos; eine andere Sicherungsmethode (per Rechtsklick darauf) oder installieren Sie qemu-guest-agent im Gast.</translation>
    </message>
    <message>
        <source>Select the virtual machines to back up first.</source>
        <translation>Wählen Sie zuerst die zu sichernden virtuellen Maschinen aus.</translation>
    </message>
    <message>
        <source>Backups of this VM now use: %1</source>
        <translation>Sicherungen dieser VM verwenden jetzt: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %n point(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n Punkt</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the Backup Repository</source>
        <translation>Sicherungs-Repository wählen</translation>
    </message>
    <message>
        <source>Rewind starts in the system tray when you log in.</source>
        <translation>Rewind startet beim Anmelden im Systemabschnitt der Kontrollleiste.</translation>
    </message>
    <message>
        <source>Rewind no longer starts when you log in.</source>
        <translation>Rewind startet nicht mehr beim Anmelden.</translation>
    </message>
    <message>
        <source>checked %1</source>
        <translation>%1 geprüft</translation>
    </message>
    <message>
        <source>Find a VM</source>
        <translation>VM suchen</translation>
    </message>
    <message>
        <source>Shows the VMs whose name contains this (%1)</source>
        <translation>Zeigt die VMs, deren Name dies enthält (%1)</translation>
    </message>
</context>
<context>
    <name>Rewind::Notifier</name>
    <message>
        <source>Open Rewind</source>
        <translation>Rewind öffnen</translation>
    </message>
    <message>
        <source>Damaged backup of &apos;%1&apos;</source>
        <translation>Beschädigte Sicherung von &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1
Open Rewind to see the log or retry.</source>
        <translation>%1
Öffnen Sie Rewind, um das Protokoll zu sehen oder es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Backup of &apos;%1&apos; done</source>
        <translation>Sicherung von &apos;%1&apos; abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>The last backup of &apos;%1&apos; is %n day(s) old. Back it up now, or look at why the scheduled ones fail (the jobs list keeps their log).</source>
        <translation>
            <numerusform>Die letzte Sicherung von &apos;%1&apos; ist %n Tag alt. Sichern Sie die VM jetzt oder prüfen Sie, warum die geplanten Sicherungen fehlschlagen (die Auftragsliste bewahrt ihr Protokoll auf).</numerusform>
            <numerusform>Die letzte Sicherung von &apos;%1&apos; ist %n Tage alt. Sichern Sie die VM jetzt oder prüfen Sie, warum die geplanten Sicherungen fehlschlagen (die Auftragsliste bewahrt ihr Protokoll auf).</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a schedule but no backup yet. Back it up now.</source>
        <translation>&apos;%1&apos; hat einen Zeitplan, aber noch keine Sicherung. Sichern Sie die VM jetzt.</translation>
    </message>
    <message>
        <source>No recent backup of &apos;%1&apos;</source>
        <translation>Keine aktuelle Sicherung von &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Connection to %1 lost</source>
        <translation>Verbindung zu %1 verloren</translation>
    </message>
    <message>
        <source>Rewind keeps trying to reconnect. Scheduled backups of its VMs wait until it is back; check that libvirtd runs.</source>
        <translation>Rewind versucht weiter, die Verbindung wiederherzustellen. Geplante Sicherungen ihrer VMs warten, bis sie wieder besteht; prüfen Sie, ob libvirtd läuft.</translation>
    </message>
    <message>
        <source>Backup repository not available</source>
        <translation>Sicherungs-Repository nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 Scheduled backups wait for it; Rewind tries again every minute.</source>
        <translation>%1 Geplante Sicherungen warten darauf; Rewind versucht es jede Minute erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%1 No scheduled backup has been made for %n day(s): they wait for it. Rewind tries again every minute.</source>
        <translation>
            <numerusform>%1 Seit %n Tag wurde keine geplante Sicherung gemacht: Sie warten darauf. Rewind versucht es jede Minute erneut.</numerusform>
            <numerusform>%1 Seit %n Tagen wurde keine geplante Sicherung gemacht: Sie warten darauf. Rewind versucht es jede Minute erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::OverlayMerge</name>
    <message>
        <source>Disk %1 of &apos;%2&apos; now uses %3, which is neither its image nor Rewind&apos;s overlay; it was changed by someone else. Check the VM&apos;s disks before backing it up again.</source>
        <translation>Platte %1 von &apos;%2&apos; verwendet jetzt %3, das weder ihr Abbild noch das Overlay von Rewind ist; jemand anderes hat sie geändert. Prüfen Sie die Platten der VM, bevor Sie sie erneut sichern.</translation>
    </message>
    <message>
        <source>Disk %1 of &apos;%2&apos; still uses %3 after the merge.</source>
        <translation>Platte %1 von &apos;%2&apos; verwendet nach dem Zusammenführen immer noch %3.</translation>
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
        <translation>Die gespeicherten Dateien erneut lesen und mit ihren Prüfsummen vergleichen</translation>
    </message>
    <message>
        <source>Golden points cannot be deleted: uncheck Golden first</source>
        <translation>Goldene Punkte können nicht gelöscht werden: Entfernen Sie zuerst den Haken bei Golden</translation>
    </message>
    <message>
        <source>Delete the selected points; later points built on them stay restorable</source>
        <translation>Die ausgewählten Punkte löschen; spätere Punkte, die darauf aufbauen, bleiben wiederherstellbar</translation>
    </message>
    <message>
        <source>A golden point is kept forever: retention never removes it, and it cannot be deleted</source>
        <translation>Ein goldener Punkt wird für immer behalten: Die Aufbewahrungsregeln entfernen ihn nie, und er kann nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>Rewind::PointCommands</name>
    <message>
        <source>Point %1 of &apos;%2&apos; is golden now: retention keeps it forever.</source>
        <translation>Punkt %1 von &apos;%2&apos; ist jetzt golden: Die Aufbewahrungsregeln behalten ihn für immer.</translation>
    </message>
    <message>
        <source>Point %1 of &apos;%2&apos; is an ordinary point again.</source>
        <translation>Punkt %1 von &apos;%2&apos; ist wieder ein gewöhnlicher Punkt.</translation>
    </message>
    <message>
        <source>Delete backup points</source>
        <translation>Sicherungspunkte löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n point(s) of &apos;%1&apos;? This cannot be undone.</source>
        <translation>
            <numerusform>%n Punkt von &apos;%1&apos; löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Punkte von &apos;%1&apos; löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n point(s) of &apos;%1&apos;</source>
        <translation>
            <numerusform>%n Punkt von &apos;%1&apos; löschen</numerusform>
            <numerusform>%n Punkte von &apos;%1&apos; löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; restored to point %2.</source>
        <translation>&apos;%1&apos; auf Punkt %2 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restore &apos;%1&apos; to %2</source>
        <translation>&apos;%1&apos; auf %2 wiederherstellen</translation>
    </message>
    <message>
        <source>Restore %2 of &apos;%1&apos; as a new VM</source>
        <translation>%2 von &apos;%1&apos; als neue VM wiederherstellen</translation>
    </message>
    <message>
        <source>Choose a backup repository first (File &gt; Choose Repository).</source>
        <translation>Wählen Sie zuerst ein Sicherungs-Repository (Datei &gt; Repository wählen).</translation>
    </message>
    <message>
        <source>Backup settings of &apos;%1&apos; saved.</source>
        <translation>Sicherungseinstellungen von &apos;%1&apos; gespeichert.</translation>
    </message>
    <message>
        <source>Point %1 restored as the new VM &apos;%2&apos;.</source>
        <translation>Punkt %1 als neue VM &apos;%2&apos; wiederhergestellt.</translation>
    </message>
    <message>
        <source>Point %1 exported to %2.</source>
        <translation>Punkt %1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Export %2 of &apos;%1&apos;</source>
        <translation>%2 von &apos;%1&apos; exportieren</translation>
    </message>
    <message>
        <source>Later points stored as changes on top of them stay restorable: they take in the data they need first. Golden points are not deleted; make them ordinary first.</source>
        <translation>Spätere Punkte, die als Änderungen darauf gespeichert sind, bleiben wiederherstellbar: Sie übernehmen zuerst die Daten, die sie brauchen. Goldene Punkte werden nicht gelöscht; machen Sie sie zuerst zu gewöhnlichen Punkten.</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) deleted (%1 freed).</source>
        <translation>
            <numerusform>%n Punkt gelöscht (%1 freigegeben).</numerusform>
            <numerusform>%n Punkte gelöscht (%1 freigegeben).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) deleted (%1 freed). The later points stored as changes on them took in their data and stay restorable.</source>
        <translation>
            <numerusform>%n Punkt gelöscht (%1 freigegeben). Die späteren Punkte, die als Änderungen darauf gespeichert waren, haben seine Daten übernommen und bleiben wiederherstellbar.</numerusform>
            <numerusform>%n Punkte gelöscht (%1 freigegeben). Die späteren Punkte, die als Änderungen darauf gespeichert waren, haben ihre Daten übernommen und bleiben wiederherstellbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is back as it was at point %2, defined in libvirt again.</source>
        <translation>&apos;%1&apos; ist zurück, wie es bei Punkt %2 war, und wieder in libvirt definiert.</translation>
    </message>
</context>
<context>
    <name>Rewind::PointEmptyState</name>
    <message>
        <source>The backup repository is not available</source>
        <translation>Das Sicherungs-Repository ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Rewind tries again every minute, and scheduled backups wait for it.</source>
        <translation>Rewind versucht es jede Minute erneut, und geplante Sicherungen warten darauf.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation>Ordner wählen …</translation>
    </message>
    <message>
        <source>Choose where backups go</source>
        <translation>Wählen Sie, wohin Sicherungen kommen</translation>
    </message>
    <message>
        <source>Rewind keeps backups in a repository: a folder it owns, readable with standard tools (qemu-img, zstd, virsh). Pick a disk with room for your VMs&apos; disks and RAM.</source>
        <translation>Rewind bewahrt Sicherungen in einem Repository auf: einem eigenen Ordner, der mit Standardwerkzeugen lesbar ist (qemu-img, zstd, virsh). Wählen Sie einen Datenträger mit genug Platz für die Platten und den RAM Ihrer VMs.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>Select a virtual machine</source>
        <translation>Wählen Sie eine virtuelle Maschine</translation>
    </message>
    <message>
        <source>Nothing to show yet</source>
        <translation>Noch nichts anzuzeigen</translation>
    </message>
    <message>
        <source>Its backup points appear here on a timeline. &quot;Back Up Now&quot; backs up every selected VM.</source>
        <translation>Die Sicherungspunkte der VM erscheinen hier auf einer Zeitleiste. „Jetzt sichern“ sichert jede ausgewählte VM.</translation>
    </message>
    <message>
        <source>Reading the backups of &apos;%1&apos;…</source>
        <translation>Sicherungen von &apos;%1&apos; werden gelesen …</translation>
    </message>
    <message>
        <source>No backups of &apos;%1&apos; yet</source>
        <translation>Noch keine Sicherungen von &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The first backup copies the VM&apos;s disks and, for a running VM, its RAM, captured at one instant while it keeps running. Restoring the point later resumes it exactly there.</source>
        <translation>Die erste Sicherung kopiert die Platten der VM und bei einer laufenden VM auch ihren RAM, erfasst in einem einzigen Augenblick, während sie weiterläuft. Wird der Punkt später wiederhergestellt, läuft sie genau dort weiter.</translation>
    </message>
    <message>
        <source>Back Up &apos;%1&apos; Now</source>
        <translation>&apos;%1&apos; jetzt sichern</translation>
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
        <translation>Punkt %1</translation>
    </message>
    <message>
        <source>Incremental, on top of %1</source>
        <translation>Inkrementell, aufbauend auf %1</translation>
    </message>
    <message>
        <source>Full copy</source>
        <translation>Vollständige Kopie</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <source>RAM image: %1, guest paused %2 ms</source>
        <translation>RAM-Abbild: %1, Gast %2 ms angehalten</translation>
    </message>
    <message>
        <source>Disks: %1</source>
        <translation>Platten: %1</translation>
    </message>
    <message>
        <source>Golden: never removed by retention</source>
        <translation>Golden: wird von den Aufbewahrungsregeln nie entfernt</translation>
    </message>
    <message>
        <source>Incomplete: a job was interrupted or is still writing it. It is removed at the VM&apos;s next backup.</source>
        <translation>Unvollständig: Ein Auftrag wurde unterbrochen oder schreibt noch daran. Der Punkt wird bei der nächsten Sicherung der VM entfernt.</translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation>Beschädigt: %1</translation>
    </message>
</context>
<context>
    <name>Rewind::PolicyJson</name>
    <message>
        <source>Unknown setting %1; check its spelling. Valid settings are %2.</source>
        <translation>Unbekannte Einstellung %1; prüfen Sie die Schreibweise. Gültige Einstellungen sind %2.</translation>
    </message>
    <message>
        <source>%1 must be a whole number such as %2, not %3.</source>
        <translation>%1 muss eine ganze Zahl wie %2 sein, nicht %3.</translation>
    </message>
    <message>
        <source>%1 must be %2 or more, not %3.</source>
        <translation>%1 muss mindestens %2 sein, nicht %3.</translation>
    </message>
    <message>
        <source>%1 must be at most %2, not %3.</source>
        <translation>%1 darf höchstens %2 sein, nicht %3.</translation>
    </message>
    <message>
        <source>The setting %1 is missing.</source>
        <translation>Die Einstellung %1 fehlt.</translation>
    </message>
    <message>
        <source>%1 must be a text in quotes, not %2.</source>
        <translation>%1 muss ein Text in Anführungszeichen sein, nicht %2.</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>Rewind::PrunePlan</name>
    <message>
        <source>The chain of point %1 is inconsistent (%2), so none of its points can be pruned safely. Run rewindctl verify on the VM and repair or remove the damaged points first.</source>
        <translation>Die Kette von Punkt %1 ist inkonsistent (%2), daher kann keiner ihrer Punkte sicher aufgeräumt werden. Führen Sie rewindctl verify für die VM aus und reparieren oder entfernen Sie zuerst die beschädigten Punkte.</translation>
    </message>
    <message>
        <source>its parents form a loop</source>
        <translation>die Elternpunkte bilden eine Schleife</translation>
    </message>
    <message>
        <source>disk %1 names its backing image &apos;%2&apos;</source>
        <translation>Platte %1 nennt als Basisabbild &apos;%2&apos;</translation>
    </message>
    <message>
        <source>disk %1 builds on %2, the manifest does not</source>
        <translation>Platte %1 baut auf %2 auf, das Manifest nicht</translation>
    </message>
    <message>
        <source>disk %1 has a backing image but is stored as %2</source>
        <translation>Platte %1 hat ein Basisabbild, ist aber als %2 gespeichert</translation>
    </message>
    <message>
        <source>point %1 does not store %2</source>
        <translation>Punkt %1 speichert %2 nicht</translation>
    </message>
    <message>
        <source>point %1 names its backing image &apos;%2&apos;</source>
        <translation>Punkt %1 nennt als Basisabbild &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the images of disk %1 and the manifests name different parents</source>
        <translation>die Abbilder von Platte %1 und die Manifeste nennen unterschiedliche Eltern</translation>
    </message>
    <message>
        <source>There is no point %1.</source>
        <translation>Es gibt keinen Punkt %1.</translation>
    </message>
    <message>
        <source>Point %1 is golden, which protects it from deletion. Make it an ordinary point first (rewindctl unprotect, or uncheck Golden in its menu), then delete it.</source>
        <translation>Punkt %1 ist golden und damit vor dem Löschen geschützt. Machen Sie ihn zuerst zu einem gewöhnlichen Punkt (rewindctl unprotect, oder Golden in seinem Menü abwählen) und löschen Sie ihn dann.</translation>
    </message>
    <message>
        <source>Point %1 cannot be deleted: its manifest cannot be read, so the changes of the later points stored on top of it cannot be merged. Delete those points first.</source>
        <translation>Punkt %1 kann nicht gelöscht werden: Sein Manifest ist nicht lesbar, daher können die Änderungen der späteren Punkte, die darauf gespeichert sind, nicht zusammengeführt werden. Löschen Sie zuerst diese Punkte.</translation>
    </message>
    <message>
        <source>Point %1 cannot be deleted: the images of a damaged point are stored on top of it. Delete the damaged point first.</source>
        <translation>Punkt %1 kann nicht gelöscht werden: Die Abbilder eines beschädigten Punkts sind darauf gespeichert. Löschen Sie zuerst den beschädigten Punkt.</translation>
    </message>
    <message>
        <source>Point %1 cannot be deleted: a later point builds on it through a point that is missing, so its data cannot be merged into that later point.</source>
        <translation>Punkt %1 kann nicht gelöscht werden: Ein späterer Punkt baut über einen fehlenden Punkt auf ihm auf, daher können seine Daten nicht in diesen späteren Punkt übernommen werden.</translation>
    </message>
</context>
<context>
    <name>Rewind::RemovedVmsDialog</name>
    <message>
        <source>Restore a Removed VM</source>
        <translation>Entfernte VM wiederherstellen</translation>
    </message>
    <message>
        <source>These VMs have backups in the repository but are not defined on any connection. Choose one and the point to bring it back from; it comes back as a new VM, under its old name if you like.</source>
        <translation>Diese VMs haben Sicherungen im Repository, sind aber auf keiner Verbindung definiert. Wählen Sie eine und den Sicherungspunkt, aus dem sie zurückkommen soll; sie kommt als neue VM zurück, auf Wunsch unter ihrem alten Namen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Letzte Sicherung</translation>
    </message>
    <message>
        <source>Reading the repository…</source>
        <translation>Das Repository wird gelesen…</translation>
    </message>
    <message>
        <source>&amp;Point:</source>
        <translation>&amp;Punkt:</translation>
    </message>
    <message>
        <source>&amp;Restore to:</source>
        <translation>&amp;Wiederherstellen auf:</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>UUID: %1</source>
        <translation>UUID: %1</translation>
    </message>
    <message>
        <source>Every VM with backups in the repository is defined on a connection.</source>
        <translation>Jede VM mit Sicherungen im Repository ist auf einer Verbindung definiert.</translation>
    </message>
    <message>
        <source>Not connected now: %1. VMs defined there are listed too, as Rewind cannot see them.</source>
        <translation>Zurzeit nicht verbunden: %1. Dort definierte VMs erscheinen ebenfalls in der Liste, da Rewind sie nicht sehen kann.</translation>
    </message>
    <message>
        <source>No connection is connected: connect to libvirt first (Connections menu), as a VM is restored into one.</source>
        <translation>Keine Verbindung ist hergestellt: Verbinden Sie sich zuerst mit libvirt (Menü Verbindungen), denn eine VM wird in eine Verbindung wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>Rewind::RepositoryLabel</name>
    <message>
        <source>No repository chosen</source>
        <translation>Kein Repository gewählt</translation>
    </message>
    <message>
        <source>Repository: %1 (not available)</source>
        <translation>Repository: %1 (nicht verfügbar)</translation>
    </message>
    <message>
        <source>Repository: %1</source>
        <translation>Repository: %1</translation>
    </message>
    <message>
        <source>Repository: %1 · %2 free</source>
        <translation>Repository: %1 · %2 frei</translation>
    </message>
    <message>
        <source>Room left on the file system that holds the repository, read after every job.</source>
        <translation>Freier Platz auf dem Dateisystem des Repositorys, nach jedem Auftrag neu gelesen.</translation>
    </message>
</context>
<context>
    <name>Rewind::RestoreDialog</name>
    <message>
        <source>Restore Point %1</source>
        <translation>Punkt %1 wiederherstellen</translation>
    </message>
    <message>
        <source>How should &apos;%1&apos; come back to point %2?</source>
        <translation>Wie soll &apos;%1&apos; zu Punkt %2 zurückkehren?</translation>
    </message>
    <message>
        <source>As a &amp;new VM</source>
        <translation>Als &amp;neue VM</translation>
    </message>
    <message>
        <source>A copy with a new name, UUID and network addresses, beside the original, which stays as it is. From a full-state point it boots from the point&apos;s disks.</source>
        <translation>Eine Kopie mit neuem Namen, neuer UUID und neuen Netzwerkadressen neben dem Original, das unverändert bleibt. Aus einem Punkt mit vollständigem Zustand startet sie von den Platten des Punkts.</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Next to the original images</source>
        <translation>Neben den ursprünglichen Abbildern</translation>
    </message>
    <message>
        <source>Folder for the New VM&apos;s Images</source>
        <translation>Ordner für die Abbilder der neuen VM</translation>
    </message>
    <message>
        <source>In &amp;place</source>
        <translation>An Ort und &amp;Stelle</translation>
    </message>
    <message>
        <source>&amp;Keep the replaced images as safety copies</source>
        <translation>Ersetzte Abbilder als Sicherheitskopien &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Export the disks</source>
        <translation>Platten &amp;exportieren</translation>
    </message>
    <message>
        <source>The point&apos;s disks are written as standalone images into a folder. No VM is touched.</source>
        <translation>Die Platten des Punkts werden als eigenständige Abbilder in einen Ordner geschrieben. Keine VM wird verändert.</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>&amp;Zielordner:</translation>
    </message>
    <message>
        <source>Export Into</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>Wie gespeichert</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <source>Fo&amp;rmat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Restore as New VM</source>
        <translation>Als neue VM wiederherstellen</translation>
    </message>
    <message>
        <source>Give the new VM a name.</source>
        <translation>Geben Sie der neuen VM einen Namen.</translation>
    </message>
    <message>
        <source>A VM name cannot contain &apos;/&apos;.</source>
        <translation>Ein VM-Name darf kein &apos;/&apos; enthalten.</translation>
    </message>
    <message>
        <source>The new VM needs a name of its own; &apos;%1&apos; is the original&apos;s.</source>
        <translation>Die neue VM braucht einen eigenen Namen; &apos;%1&apos; ist der des Originals.</translation>
    </message>
    <message>
        <source>Restore in Place</source>
        <translation>An Ort und Stelle wiederherstellen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>Wählen Sie den Ordner, in den exportiert wird.</translation>
    </message>
    <message>
        <source>S&amp;tart the new VM</source>
        <translation>Neue VM s&amp;tarten</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is stopped if it runs, and its disks and RAM go back to that moment: it runs on from there. What changed in it since then is lost.</source>
        <translation>&apos;%1&apos; wird beendet, falls sie läuft, und ihre Platten und ihr RAM kehren zu diesem Moment zurück: Die VM läuft von dort aus weiter. Was sich seitdem in ihr geändert hat, geht verloren.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is stopped if it runs, and its disks go back to that moment. What changed in it since then is lost. The point holds no RAM, so &apos;%1&apos; is shut off afterwards unless it is started.</source>
        <translation>&apos;%1&apos; wird beendet, falls sie läuft, und ihre Platten kehren zu diesem Moment zurück. Was sich seitdem in ihr geändert hat, geht verloren. Der Punkt enthält keinen RAM, daher ist &apos;%1&apos; danach ausgeschaltet, sofern sie nicht gestartet wird.</translation>
    </message>
    <message>
        <source>&amp;Start &apos;%1&apos; afterwards</source>
        <translation>&apos;%1&apos; danach sta&amp;rten</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no longer defined in libvirt. It can come back as it was, or as a new VM under its old name or another.</source>
        <translation>&apos;%1&apos; ist in libvirt nicht mehr definiert. Es kann so zurückkommen, wie es war, oder als neue VM unter seinem alten oder einem anderen Namen.</translation>
    </message>
    <message>
        <source>As it &amp;was</source>
        <translation>So, wie es &amp;war</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is defined again under its own name, UUID and network addresses, on the image paths it had, and runs on from that moment (RAM restored). Images still at those paths are replaced.</source>
        <translation>&apos;%1&apos; wird unter seinem eigenen Namen, seiner UUID und seinen Netzwerkadressen auf seinen bisherigen Abbildpfaden wieder definiert und läuft ab diesem Moment weiter (RAM wiederhergestellt). Abbilder, die noch unter diesen Pfaden liegen, werden ersetzt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is defined again under its own name, UUID and network addresses, on the image paths it had; the point holds no RAM, so it is shut off afterwards unless it is started. Images still at those paths are replaced.</source>
        <translation>&apos;%1&apos; wird unter seinem eigenen Namen, seiner UUID und seinen Netzwerkadressen auf seinen bisherigen Abbildpfaden wieder definiert; der Punkt enthält keinen RAM, daher ist es danach ausgeschaltet, sofern es nicht gestartet wird. Abbilder, die noch unter diesen Pfaden liegen, werden ersetzt.</translation>
    </message>
    <message>
        <source>Bring Back</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>A VM with a new UUID and network addresses, made from the point. From a full-state point it boots from the point&apos;s disks.</source>
        <translation>Eine VM mit neuer UUID und neuen Netzwerkadressen, aus dem Punkt erstellt. Aus einem Punkt mit vollem Zustand startet sie von den Datenträgern des Punkts.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no longer defined in libvirt, and another VM has its name now, so it cannot come back as it was. It can come back as a new VM under another name.</source>
        <translation>&apos;%1&apos; ist in libvirt nicht mehr definiert, und eine andere VM trägt jetzt ihren Namen, daher kann sie nicht wie zuvor zurückkehren. Sie kann als neue VM unter einem anderen Namen zurückkehren.</translation>
    </message>
    <message>
        <source>A VM called &apos;%1&apos; exists already; choose another name.</source>
        <translation>Eine VM namens &apos;%1&apos; gibt es schon; wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>Rewind::RestoreFiles</name>
    <message>
        <source>The disk holding %1 is full. Free some space there or restore into another folder.</source>
        <translation>Der Datenträger mit %1 ist voll. Geben Sie dort Speicherplatz frei oder wählen Sie für die Wiederherstellung einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 is on a read-only file system. Restore into another folder.</source>
        <translation>Der Ordner %1 liegt auf einem schreibgeschützten Dateisystem. Wählen Sie für die Wiederherstellung einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable by user %2. Choose another folder or fix its permissions.</source>
        <translation>Benutzer %2 darf nicht in den Ordner %1 schreiben. Wählen Sie einen anderen Ordner oder korrigieren Sie die Berechtigungen des Ordners.</translation>
    </message>
    <message>
        <source>qemu-img could not be started; install qemu-utils.</source>
        <translation>qemu-img konnte nicht gestartet werden; installieren Sie qemu-utils.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 exists already; Rewind never overwrites a file. Move it away or choose another folder.</source>
        <translation>%1 existiert bereits; Rewind überschreibt nie eine Datei. Verschieben Sie die Datei oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Converting the stored disk %1 to a %2 image failed.</source>
        <translation>Die Umwandlung der gespeicherten Platte %1 in ein %2-Abbild ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Create it or choose another folder.</source>
        <translation>Der Ordner %1 existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 is not a folder. Choose a folder.</source>
        <translation>%1 ist kein Ordner. Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>Could not read the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 needs about %2 in %3, but only %4 are free there. Free some space or choose another folder. Nothing was changed.</source>
        <translation>%1 benötigt etwa %2 in %3, dort sind aber nur %4 frei. Geben Sie Speicherplatz frei oder wählen Sie einen anderen Ordner. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>libvirt could not write %1 for you either. Choose a folder you may write to.</source>
        <translation>Auch libvirt konnte %1 nicht für Sie schreiben. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2.</source>
        <translation>%1 konnte nicht in %2 umbenannt werden.</translation>
    </message>
</context>
<context>
    <name>Rewind::RestoreLibvirt</name>
    <message>
        <source>libvirt could not read the memory image %1 of the point.</source>
        <translation>libvirt konnte das RAM-Abbild %1 des Punkts nicht lesen.</translation>
    </message>
    <message>
        <source>Could not read the state of &apos;%1&apos;.</source>
        <translation>Der Zustand von &apos;%1&apos; konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not remove the saved state of &apos;%1&apos;.</source>
        <translation>Der gespeicherte Zustand von &apos;%1&apos; konnte nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>Rewind::RetentionPolicy</name>
    <message>
        <source>Retention policy: </source>
        <translation>Aufbewahrungsregeln: </translation>
    </message>
</context>
<context>
    <name>Rewind::Schedule</name>
    <message>
        <source>The interval must be from %1 to %2 minutes, not %3.</source>
        <translation>Das Intervall muss zwischen %1 und %2 Minuten liegen, nicht %3.</translation>
    </message>
    <message>
        <source>Choose at least one weekday for the weekly backup.</source>
        <translation>Wählen Sie mindestens einen Wochentag für die wöchentliche Sicherung.</translation>
    </message>
    <message>
        <source>Choose the time of day at which the backup runs.</source>
        <translation>Wählen Sie die Uhrzeit, zu der die Sicherung läuft.</translation>
    </message>
    <message>
        <source>Invalid schedule</source>
        <translation>Ungültiger Zeitplan</translation>
    </message>
    <message>
        <source>No scheduled backups</source>
        <translation>Keine geplanten Sicherungen</translation>
    </message>
    <message numerus="yes">
        <source>Every %n days</source>
        <translation>
            <numerusform>Im Abstand von %n Tag</numerusform>
            <numerusform>Alle %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Jede Stunde</translation>
    </message>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation>
            <numerusform>Im Abstand von %n Stunde</numerusform>
            <numerusform>Alle %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Im Abstand von %n Minute</numerusform>
            <numerusform>Alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <translation>Täglich um %1</translation>
    </message>
    <message>
        <source>Every %1 at %2</source>
        <comment>weekdays, time</comment>
        <translation>Jeden %1 um %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>schedule, time zone</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Schedule: </source>
        <translation>Zeitplan: </translation>
    </message>
    <message>
        <source>The setting &quot;kind&quot; is missing; use &quot;off&quot;, &quot;interval&quot;, &quot;daily&quot; or &quot;weekly&quot;.</source>
        <translation>Die Einstellung &quot;kind&quot; fehlt; verwenden Sie &quot;off&quot;, &quot;interval&quot;, &quot;daily&quot; oder &quot;weekly&quot;.</translation>
    </message>
    <message>
        <source>&quot;kind&quot; must be &quot;off&quot;, &quot;interval&quot;, &quot;daily&quot; or &quot;weekly&quot;, not %1.</source>
        <translation>&quot;kind&quot; muss &quot;off&quot;, &quot;interval&quot;, &quot;daily&quot; oder &quot;weekly&quot; sein, nicht %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not used when &quot;kind&quot; is &quot;%2&quot;; remove it.</source>
        <translation>&quot;%1&quot; wird nicht verwendet, wenn &quot;kind&quot; den Wert &quot;%2&quot; hat; entfernen Sie die Einstellung.</translation>
    </message>
    <message>
        <source>The setting &quot;%1&quot; is missing; give the minutes between backups, such as 60.</source>
        <translation>Die Einstellung &quot;%1&quot; fehlt; geben Sie die Minuten zwischen den Sicherungen an, etwa 60.</translation>
    </message>
    <message>
        <source>&quot;time&quot; must be a time of day on the 24-hour clock written as HH:MM, such as &quot;02:30&quot;, not %1.</source>
        <translation>&quot;time&quot; muss eine Uhrzeit im 24-Stunden-Format sein, geschrieben als HH:MM, etwa &quot;02:30&quot;, nicht %1.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ein fehlender Wert</translation>
    </message>
    <message>
        <source>use a list of weekdays such as [&quot;mon&quot;, &quot;thu&quot;]; the names are mon, tue, wed, thu, fri, sat and sun.</source>
        <translation>verwenden Sie eine Liste von Wochentagen wie [&quot;mon&quot;, &quot;thu&quot;]; die Namen sind mon, tue, wed, thu, fri, sat und sun.</translation>
    </message>
    <message>
        <source>an empty list</source>
        <translation>eine leere Liste</translation>
    </message>
    <message>
        <source>&quot;days&quot; must name at least one weekday, not %1; %2</source>
        <translation>&quot;days&quot; muss mindestens einen Wochentag nennen, nicht %1; %2</translation>
    </message>
    <message>
        <source>&quot;days&quot; contains %1; %2</source>
        <translation>&quot;days&quot; enthält %1; %2</translation>
    </message>
    <message>
        <source>&quot;timeZone&quot; must be a time zone name such as &quot;Europe/Berlin&quot;, not %1; leave it out to use the local time zone.</source>
        <translation>&quot;timeZone&quot; muss der Name einer Zeitzone wie &quot;Europe/Berlin&quot; sein, nicht %1; lassen Sie die Einstellung weg, um die lokale Zeitzone zu verwenden.</translation>
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
        <translation>Noch keine Sicherungspunkte.</translation>
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
        <translation>Rewind</translation>
    </message>
    <message>
        <source>No virtual machines</source>
        <translation>Keine virtuellen Maschinen</translation>
    </message>
    <message>
        <source>More in the main window…</source>
        <translation>Mehr im Hauptfenster …</translation>
    </message>
</context>
<context>
    <name>Rewind::VerifyJob</name>
    <message>
        <source>Verify backups of &apos;%1&apos;</source>
        <translation>Sicherungen von &apos;%1&apos; prüfen</translation>
    </message>
    <message>
        <source>Verify point %1 of &apos;%2&apos;</source>
        <translation>Punkt %1 von &apos;%2&apos; prüfen</translation>
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
        <translation>Erfordert einen laufenden qemu-guest-agent im Gast</translation>
    </message>
    <message>
        <source>Stop &amp;Tracking Changes</source>
        <translation>Änderungs&amp;verfolgung beenden</translation>
    </message>
    <message>
        <source>Merge what the VM wrote since its last backup point back into its own images. The next point is a full one.</source>
        <translation>Das seit dem letzten Sicherungspunkt Geschriebene in die eigenen Abbilder der VM zusammenführen. Der nächste Punkt ist eine Vollsicherung.</translation>
    </message>
</context>
<context>
    <name>Rewind::VmEmptyState</name>
    <message>
        <source>Not connected to libvirt</source>
        <translation>Nicht mit libvirt verbunden</translation>
    </message>
    <message>
        <source>Rewind backs up the virtual machines of a libvirt connection. VMs made in virt-manager usually live on qemu:///system; GNOME Boxes keeps your own on qemu:///session.</source>
        <translation>Rewind sichert die virtuellen Maschinen einer libvirt-Verbindung. In virt-manager erstellte VMs liegen meist auf qemu:///system; GNOME Boxes verwaltet Ihre eigenen auf qemu:///session.</translation>
    </message>
    <message>
        <source>Connect to qemu:///system</source>
        <translation>Mit qemu:///system verbinden</translation>
    </message>
    <message>
        <source>Connect to qemu:///session</source>
        <translation>Mit qemu:///session verbinden</translation>
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
        <translation>Die virtuellen Maschinen auf %1 werden aufgelistet.</translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation>Keine Verbindung zu %1 möglich</translation>
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
        <translation>Keine virtuellen Maschinen auf %1</translation>
    </message>
    <message>
        <source>This libvirt connection has no VMs defined. VMs created as root (virt-manager&apos;s default) are on qemu:///system, a user&apos;s own VMs (GNOME Boxes) on qemu:///session.</source>
        <translation>Für diese libvirt-Verbindung sind keine VMs definiert. Als root erstellte VMs (Standard von virt-manager) liegen auf qemu:///system, die eigenen VMs eines Benutzers (GNOME Boxes) auf qemu:///session.</translation>
    </message>
    <message>
        <source>No virtual machine matches &quot;%1&quot;</source>
        <translation>Keine virtuelle Maschine passt zu „%1“</translation>
    </message>
    <message>
        <source>The search looks at VM names.</source>
        <translation>Die Suche berücksichtigt die Namen der VMs.</translation>
    </message>
    <message>
        <source>Clear Search</source>
        <translation>Suche leeren</translation>
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
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
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
        <translation>
            <numerusform>%n beschädigter Punkt</numerusform>
            <numerusform>%n beschädigte Punkte</numerusform>
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
        <translation>
            <numerusform>%n Punkt, %1</numerusform>
            <numerusform>%n Punkte, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>UUID: %1</source>
        <translation>UUID: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 RAM, %n vCPU(s)</source>
        <translation>
            <numerusform>%1 RAM, %n vCPU</numerusform>
            <numerusform>%1 RAM, %n vCPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>Last backup: %1 (%2)</source>
        <translation>Letzte Sicherung: %1 (%2)</translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation>Zeitplan: %1</translation>
    </message>
    <message>
        <source>The schedule in vm.json cannot be read: %1</source>
        <translation>Der Zeitplan in vm.json kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The scheduled backup is overdue. Back it up now, or check why the last one failed.</source>
        <translation>Die geplante Sicherung ist überfällig. Sichern Sie die VM jetzt oder prüfen Sie, warum die letzte fehlgeschlagen ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n incomplete point(s): left by an interrupted job; removed at the next backup.</source>
        <translation>
            <numerusform>%n unvollständiger Punkt: von einem unterbrochenen Auftrag hinterlassen; wird bei der nächsten Sicherung entfernt.</numerusform>
            <numerusform>%n unvollständige Punkte: von einem unterbrochenen Auftrag hinterlassen; werden bei der nächsten Sicherung entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection is lost; this is the last known state.</source>
        <translation>Die Verbindung ist verloren; dies ist der letzte bekannte Zustand.</translation>
    </message>
    <message>
        <source>Writes since the last backup point go to an overlay over its own images, so the next point stores only what changed.</source>
        <translation>Schreibvorgänge seit dem letzten Sicherungspunkt gehen in ein Overlay über den eigenen Abbildern der VM, sodass der nächste Punkt nur die Änderungen speichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s)</source>
        <translation>
            <numerusform>%n VM</numerusform>
            <numerusform>%n VMs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n point(s)</source>
        <translation>
            <numerusform>%1 · %n Punkt</numerusform>
            <numerusform>%1 · %n Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>The backups of the VMs of %1: %2 in all.</source>
        <translation>Die Sicherungen der VMs von %1: insgesamt %2.</translation>
    </message>
    <message>
        <source>Next backup: %1</source>
        <translation>Nächste Sicherung: %1</translation>
    </message>
</context>
<context>
    <name>Rewind::ZstdWriter</name>
    <message>
        <source>Compression failed.</source>
        <translation>Komprimierung fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>TransferPipeline</name>
    <message>
        <source>Out of memory for the copy buffer.</source>
        <translation>Nicht genügend Speicher für den Kopierpuffer.</translation>
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>Die Übertragung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>VerifyOperation</name>
    <message>
        <source>qemu-img could not be run: %1</source>
        <translation>qemu-img konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>qemu-img check reports errors: %1</source>
        <translation>qemu-img check meldet Fehler: %1</translation>
    </message>
    <message>
        <source>The repository %1 has no backups of a VM called &apos;%2&apos;.</source>
        <translation>Das Repository %1 enthält keine Sicherungen einer VM namens &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>incomplete: no manifest (an interrupted backup)</source>
        <translation>unvollständig: kein Manifest (eine unterbrochene Sicherung)</translation>
    </message>
    <message>
        <source>manifest unreadable: %1</source>
        <translation>Manifest nicht lesbar: %1</translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation>%1: fehlt</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1: checksum mismatch (stored data changed or damaged)</source>
        <translation>%1: Prüfsumme stimmt nicht (gespeicherte Daten geändert oder beschädigt)</translation>
    </message>
    <message>
        <source>There is no point %1 of &apos;%2&apos; in the repository.</source>
        <translation>Im Repository gibt es keinen Punkt %1 von &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>VmRecord</name>
    <message>
        <source>The VM record (vm.json) is damaged: the field &apos;%1&apos; is missing or invalid.</source>
        <translation>Der VM-Datensatz (vm.json) ist beschädigt: Das Feld &apos;%1&apos; fehlt oder ist ungültig.</translation>
    </message>
    <message>
        <source>This VM&apos;s record was written by a newer version of Rewind (format %1). Update Rewind to use it.</source>
        <translation>Der Datensatz dieser VM wurde von einer neueren Version von Rewind geschrieben (Format %1). Aktualisieren Sie Rewind, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>The VM record (vm.json) is damaged: it is not valid JSON.</source>
        <translation>Der VM-Datensatz (vm.json) ist beschädigt: Er ist kein gültiges JSON.</translation>
    </message>
</context>
<context>
    <name>VmSettings</name>
    <message>
        <source>The stored schedule cannot be read: </source>
        <translation>Der gespeicherte Zeitplan kann nicht gelesen werden: </translation>
    </message>
    <message>
        <source>The stored retention policy cannot be read: </source>
        <translation>Die gespeicherten Aufbewahrungsregeln können nicht gelesen werden: </translation>
    </message>
    <message>
        <source>The stored chain policy cannot be read: </source>
        <translation>Die gespeicherten Kettenregeln können nicht gelesen werden: </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Live backups of libvirt virtual machines, RAM included.</source>
        <translation>Live-Sicherungen virtueller libvirt-Maschinen, einschließlich RAM.</translation>
    </message>
    <message>
        <source>Show the VMs of this libvirt URI (repeatable) instead of the remembered connections; without any, the default is %1.</source>
        <translation>Die VMs dieser libvirt-URI anzeigen (mehrfach angebbar) statt der gespeicherten Verbindungen; ohne Angabe gilt %1.</translation>
    </message>
    <message>
        <source>Use the backup repository in DIR (created if missing) for this session.</source>
        <translation>Das Sicherungs-Repository in DIR für diese Sitzung verwenden (wird bei Bedarf angelegt).</translation>
    </message>
    <message>
        <source>Start in the system tray, without opening the window.</source>
        <translation>Im Systemabschnitt der Kontrollleiste starten, ohne das Fenster zu öffnen.</translation>
    </message>
    <message>
        <source>Do not use a tray icon; closing the window quits.</source>
        <translation>Kein Symbol im Systemabschnitt verwenden; Schließen des Fensters beendet das Programm.</translation>
    </message>
    <message>
        <source>Rewind is already running.</source>
        <translation>Rewind läuft bereits.</translation>
    </message>
    <message>
        <source>Rewind is already running; its window is shown.</source>
        <translation>Rewind läuft bereits; sein Fenster wird angezeigt.</translation>
    </message>
    <message>
        <source>The options given apply only when Rewind starts: quit it first to use them.</source>
        <translation>Die angegebenen Optionen gelten nur beim Start von Rewind: Beenden Sie es zuerst, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>Rewind is already running but does not answer (%1). End its process, for example in the system monitor, and start Rewind again.</source>
        <translation>Rewind läuft bereits, antwortet aber nicht (%1). Beenden Sie den Prozess, zum Beispiel in der Systemüberwachung, und starten Sie Rewind erneut.</translation>
    </message>
</context>
</TS>
