<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Rewind::DesktopApp</name>
    <message numerus="yes">
        <source>Rewind: %n job(s) running</source>
        <translation>
            <numerusform>Rewind: %n job running</numerusform>
            <numerusform>Rewind: %n jobs running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running. Quitting cancels them; a cancelled backup first puts its VM back on its own disks, which can take a moment.</source>
        <translation>
            <numerusform>%n job still running. Quitting cancels them; a cancelled backup first puts its VM back on its own disks, which can take a moment.</numerusform>
            <numerusform>%n jobs still running. Quitting cancels them; a cancelled backup first puts its VM back on its own disks, which can take a moment.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Running: %1 and %n more</source>
        <translation>
            <numerusform>Running: %1 and %n more</numerusform>
            <numerusform>Running: %1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::DisplayText</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::Job</name>
    <message numerus="yes">
        <source>%n point(s) do not match what was stored. Keep them for forensics, and make a new backup so a good point exists.</source>
        <translation>
            <numerusform>%n point does not match what was stored. Keep them for forensics, and make a new backup so a good point exists.</numerusform>
            <numerusform>%n points do not match what was stored. Keep them for forensics, and make a new backup so a good point exists.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) verified, all intact.</source>
        <translation>
            <numerusform>%n point verified, all intact.</numerusform>
            <numerusform>%n points verified, all intact.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retention removed %n older point(s) (%1 freed).</source>
        <translation>
            <numerusform>Retention removed %n older point (%1 freed).</numerusform>
            <numerusform>Retention removed %n older points (%1 freed).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::JobsPanel</name>
    <message numerus="yes">
        <source>Jobs (%n running)</source>
        <translation>
            <numerusform>Jobs (%n running)</numerusform>
            <numerusform>Jobs (%n running)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::MainWindow</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %n point(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n point</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::Notifier</name>
    <message numerus="yes">
        <source>The last backup of &apos;%1&apos; is %n day(s) old. Back it up now, or look at why the scheduled ones fail (the jobs list keeps their log).</source>
        <translation>
            <numerusform>The last backup of &apos;%1&apos; is %n day old. Back it up now, or look at why the scheduled ones fail (the jobs list keeps their log).</numerusform>
            <numerusform>The last backup of &apos;%1&apos; is %n days old. Back it up now, or look at why the scheduled ones fail (the jobs list keeps their log).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 No scheduled backup has been made for %n day(s): they wait for it. Rewind tries again every minute.</source>
        <translation>
            <numerusform>%1 No scheduled backup has been made for %n day: they wait for it. Rewind tries again every minute.</numerusform>
            <numerusform>%1 No scheduled backup has been made for %n days: they wait for it. Rewind tries again every minute.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::PointCommands</name>
    <message numerus="yes">
        <source>Delete %n point(s) of &apos;%1&apos;? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n point of &apos;%1&apos;? This cannot be undone.</numerusform>
            <numerusform>Delete %n points of &apos;%1&apos;? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n point(s) of &apos;%1&apos;</source>
        <translation>
            <numerusform>Delete %n point of &apos;%1&apos;</numerusform>
            <numerusform>Delete %n points of &apos;%1&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) deleted (%1 freed).</source>
        <translation>
            <numerusform>%n point deleted (%1 freed).</numerusform>
            <numerusform>%n points deleted (%1 freed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) deleted (%1 freed). The later points stored as changes on them took in their data and stay restorable.</source>
        <translation>
            <numerusform>%n point deleted (%1 freed). The later points stored as changes on them took in their data and stay restorable.</numerusform>
            <numerusform>%n points deleted (%1 freed). The later points stored as changes on them took in their data and stay restorable.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::Schedule</name>
    <message numerus="yes">
        <source>Every %n days</source>
        <translation>
            <numerusform>Every day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation>
            <numerusform>Every hour</numerusform>
            <numerusform>Every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rewind::VmModel</name>
    <message numerus="yes">
        <source>%n VM(s)</source>
        <translation>
            <numerusform>%n VM</numerusform>
            <numerusform>%n VMs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged point(s)</source>
        <translation>
            <numerusform>%n damaged point</numerusform>
            <numerusform>%n damaged points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s), %1</source>
        <translation>
            <numerusform>%n point, %1</numerusform>
            <numerusform>%n points, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 RAM, %n vCPU(s)</source>
        <translation>
            <numerusform>%1 RAM, %n vCPU</numerusform>
            <numerusform>%1 RAM, %n vCPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incomplete point(s): left by an interrupted job; removed at the next backup.</source>
        <translation>
            <numerusform>%n incomplete point: left by an interrupted job; removed at the next backup.</numerusform>
            <numerusform>%n incomplete points: left by an interrupted job; removed at the next backup.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n point(s)</source>
        <translation>
            <numerusform>%1 · %n point</numerusform>
            <numerusform>%1 · %n points</numerusform>
        </translation>
    </message>
</context>
</TS>
