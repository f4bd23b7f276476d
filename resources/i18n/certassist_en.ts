<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
  <context>
    <name>KindQuestion</name>
    <message>
      <source>Persoonlijk certificaat</source>
      <translation>Personal certificate</translation>
    </message>
    <message>
      <source>Systeemcertificaat</source>
      <translation>System certificate</translation>
    </message>
    <message>
      <source>Geen van beide</source>
      <translation>Neither</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>Later</translation>
    </message>
    <message>
      <source>Dit lijkt een VECOZO-certificaat ({name}). Welk soort is het? certassist onthoudt het antwoord voor alle certificaten van deze uitgever.</source>
      <translation>This looks like a VECOZO certificate ({name}). Which kind is it? certassist remembers the answer for every certificate of this issuer.</translation>
    </message>
  </context>
  <context>
    <name>BackupTargetPage</name>
    <message>
      <source>Waar komt de back-up, en met welk wachtwoord?</source>
      <translation>Where should the backup go, and with which password?</translation>
    </message>
    <message>
      <source>Kies een USB-stick, netwerkschijf of andere pc, niet deze pc zelf: als deze pc stukgaat, moet de back-up er nog zijn.</source>
      <translation>Choose a USB stick, network drive or another PC, not this PC itself: if this PC breaks down, the backup must still be there.</translation>
    </message>
    <message>
      <source>&amp;Map:</source>
      <translation>&amp;Folder:</translation>
    </message>
    <message>
      <source>Map voor de back-up</source>
      <translation>Folder for the backup</translation>
    </message>
    <message>
      <source>&amp;Bladeren…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <source>Map kiezen</source>
      <translation>Choose folder</translation>
    </message>
    <message>
      <source>Nieuw wachtwoord voor de back-up</source>
      <translation>New password for the backup</translation>
    </message>
    <message>
      <source>&amp;Wachtwoord:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <source>Wachtwoord herhalen</source>
      <translation>Repeat password</translation>
    </message>
    <message>
      <source>&amp;Herhaal:</source>
      <translation>&amp;Repeat:</translation>
    </message>
    <message>
      <source>Schrijf het wachtwoord op en bewaar het apart van de USB-stick. Zonder wachtwoord is de back-up onbruikbaar; certassist onthoudt het niet.</source>
      <translation>Write the password down and keep it apart from the USB stick. Without the password the backup is useless; certassist does not remember it.</translation>
    </message>
    <message>
      <source>Map voor de back-up kiezen</source>
      <translation>Choose a folder for the backup</translation>
    </message>
  </context>
  <context>
    <name>Banner</name>
    <message>
      <source>Tekens bevestigen</source>
      <translation>Confirm the signs</translation>
    </message>
    <message>
      <source>1 certificaat moet nu vernieuwd worden</source>
      <translation>1 certificate must be renewed now</translation>
    </message>
    <message>
      <source>{n} certificaten moeten nu vernieuwd worden</source>
      <translation>{n} certificates must be renewed now</translation>
    </message>
    <message>
      <source>UZI-servercertificaat: te laat, start direct</source>
      <translation>UZI server certificate: late, start immediately</translation>
    </message>
    <message>
      <source>UZI-servercertificaat: start nu de vernieuwing</source>
      <translation>UZI server certificate: start the renewal now</translation>
    </message>
    <message>
      <source>1 aanvraag moet binnen 60 dagen geïnstalleerd zijn</source>
      <translation>1 request must be installed within 60 days</translation>
    </message>
    <message>
      <source>{n} aanvragen moeten binnen 60 dagen geïnstalleerd zijn</source>
      <translation>{n} requests must be installed within 60 days</translation>
    </message>
    <message>
      <source>abonneenummer van het UZI-certificaat klopt niet</source>
      <translation>the UZI certificate's subscriber number does not match</translation>
    </message>
    <message>
      <source>1 certificaat vraagt nu aandacht</source>
      <translation>1 certificate needs attention now</translation>
    </message>
    <message>
      <source>{n} certificaten vragen nu aandacht</source>
      <translation>{n} certificates need attention now</translation>
    </message>
    <message>
      <source>Certificaat koppelen</source>
      <translation>Pair certificate</translation>
    </message>
    <message>
      <source>Installatiepagina openen</source>
      <translation>Open install page</translation>
    </message>
    <message>
      <source>Instellingen</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>Vernieuwing starten</source>
      <translation>Start renewal</translation>
    </message>
    <message>
      <source>Opnieuw installeren</source>
      <translation>Reinstall</translation>
    </message>
    <message>
      <source>Vernieuwen</source>
      <translation>Renew</translation>
    </message>
    <message>
      <source>aanvraag</source>
      <translation>request</translation>
    </message>
    <message>
      <source>Alleen acceptatie/test: {text}</source>
      <translation>Acceptance/test only: {text}</translation>
    </message>
    <message>
      <source>… en nog {n}.</source>
      <translation>… and {n} more.</translation>
    </message>
    <message>
      <source>Daarnaast {n} in de acceptatie- of testomgeving (niet voor het echte werk).</source>
      <translation>Also {n} in the acceptance or test environment (not for real work).</translation>
    </message>
    <message>
      <source>Herinnering: wat moet er gebeuren</source>
      <translation>Reminder: what needs to be done</translation>
    </message>
    <message>
      <source>Actie nodig:</source>
      <translation>Action needed:</translation>
    </message>
    <message>
      <source>Binnenkort:</source>
      <translation>Soon:</translation>
    </message>
  </context>
  <context>
    <name>CheckPage</name>
    <message>
      <source>Ik heb dit gelezen en wil doorgaan.</source>
      <translation>I have read this and want to go ahead.</translation>
    </message>
    <message>
      <source>Ik ben {holder}.</source>
      <translation>I am {holder}.</translation>
    </message>
    <message>
      <source>Ik weet dat deze back-up ouder is dan het geïnstalleerde certificaat.</source>
      <translation>I know this backup is older than the installed certificate.</translation>
    </message>
    <message>
      <source>Ik weet dat er geen back-up is gecontroleerd en wil toch verwijderen.</source>
      <translation>I know no backup was checked and want to remove it anyway.</translation>
    </message>
    <message>
      <source>Verwijder het oude certificaat zodra het nieuwe werkt.</source>
      <translation>Remove the old certificate once the new one works.</translation>
    </message>
    <message>
      <source>Controle</source>
      <translation>Check</translation>
    </message>
    <message>
      <source>certassist legt uw verzoek voor aan de regels. Er is nog niets veranderd.</source>
      <translation>certassist checks your request against the rules. Nothing has changed yet.</translation>
    </message>
    <message>
      <source>Uitkomst van de controle</source>
      <translation>Outcome of the check</translation>
    </message>
    <message>
      <source>Bezig met controleren…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>De controle kon niet worden afgerond.</source>
      <translation>The check could not be completed.</translation>
    </message>
    <message>
      <source>Waarom:</source>
      <translation>Why:</translation>
    </message>
    <message>
      <source>geldig tot {date} ({days})</source>
      <translation>valid until {date} ({days})</translation>
    </message>
    <message>
      <source>&lt;b&gt;Van:&lt;/b&gt; {source}</source>
      <translation>&lt;b&gt;From:&lt;/b&gt; {source}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Naar:&lt;/b&gt; {targets}</source>
      <translation>&lt;b&gt;To:&lt;/b&gt; {targets}</translation>
    </message>
    <message>
      <source>Niet toegestaan</source>
      <translation>Not allowed</translation>
    </message>
    <message>
      <source>Er is niets veranderd. Ga terug om iets anders te kiezen, of sluit de assistent.</source>
      <translation>Nothing was changed. Go back to choose something else, or close the assistant.</translation>
    </message>
    <message>
      <source>Toegestaan.</source>
      <translation>Allowed.</translation>
    </message>
    <message>
      <source>Dit gaat er gebeuren:</source>
      <translation>This is what will happen:</translation>
    </message>
    <message>
      <source>Let op</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>ChooseCertificatePage</name>
    <message>
      <source>Van welke certificaten wilt u een back-up?</source>
      <translation>Which certificates do you want to back up?</translation>
    </message>
    <message>
      <source>Om welk certificaat gaat het?</source>
      <translation>Which certificate is it about?</translation>
    </message>
    <message>
      <source>Alleen certificaten met privésleutel kunnen worden gekopieerd of geback-upt.</source>
      <translation>Only certificates with a private key can be copied or backed up.</translation>
    </message>
    <message>
      <source>Certificaten</source>
      <translation>Certificates</translation>
    </message>
    <message>
      <source>Opslag</source>
      <translation>Store</translation>
    </message>
    <message>
      <source>&amp;Vanuit:</source>
      <translation>&amp;From:</translation>
    </message>
    <message>
      <source>Certificaten worden gelezen…</source>
      <translation>Reading certificates…</translation>
    </message>
    <message>
      <source>Er is geen geschikt certificaat gevonden.</source>
      <translation>No suitable certificate was found.</translation>
    </message>
    <message>
      <source>(zonder sleutel)</source>
      <translation>(without key)</translation>
    </message>
  </context>
  <context>
    <name>ChooseFilePage</name>
    <message>
      <source>Welke back-up wilt u terugzetten?</source>
      <translation>Which backup do you want to restore?</translation>
    </message>
    <message>
      <source>Welk certificaatbestand wilt u installeren?</source>
      <translation>Which certificate file do you want to install?</translation>
    </message>
    <message>
      <source>Een .pfx- of .p12-bestand met privésleutel, bijvoorbeeld van een USB-stick. Het wachtwoord is het wachtwoord dat bij het maken van het bestand is gekozen.</source>
      <translation>A .pfx or .p12 file with its private key, for example from a USB stick. The password is the one chosen when the file was made.</translation>
    </message>
    <message>
      <source>Back-ups in uw back-upmappen:</source>
      <translation>Backups in your backup folders:</translation>
    </message>
    <message>
      <source>Gevonden back-ups</source>
      <translation>Backups found</translation>
    </message>
    <message>
      <source>&amp;Bestand:</source>
      <translation>&amp;File:</translation>
    </message>
    <message>
      <source>Bestand</source>
      <translation>File</translation>
    </message>
    <message>
      <source>&amp;Bladeren…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <source>Bestand kiezen</source>
      <translation>Choose file</translation>
    </message>
    <message>
      <source>Wachtwoord van het bestand</source>
      <translation>Password of the file</translation>
    </message>
    <message>
      <source>&amp;Wachtwoord:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <source>Geen back-ups gevonden in uw back-upmappen.</source>
      <translation>No backups found in your backup folders.</translation>
    </message>
    <message>
      <source>Niet bereikbaar (USB-stick niet aangesloten?): {folders}</source>
      <translation>Not reachable (USB stick not plugged in?): {folders}</translation>
    </message>
    <message>
      <source>Certificaatbestand kiezen</source>
      <translation>Choose a certificate file</translation>
    </message>
    <message>
      <source>Certificaten (*.pfx *.p12 *.pem *.cer *.crt *.der *.p7b)</source>
      <translation>Certificates (*.pfx *.p12 *.pem *.cer *.crt *.der *.p7b)</translation>
    </message>
    <message>
      <source>Het bestand wordt gelezen…</source>
      <translation>Reading the file…</translation>
    </message>
    <message>
      <source>(poging {n} van {max})</source>
      <translation>(attempt {n} of {max})</translation>
    </message>
    <message>
      <source>Lukt het niet? Controleer of dit het juiste bestand is, en vraag wie de back-up maakte naar het wachtwoord. certassist kan het niet terughalen.</source>
      <translation>Still not working? Check that this is the right file, and ask whoever made the backup for the password. certassist cannot recover it.</translation>
    </message>
    <message>
      <source>onbekend: het wachtwoord is nodig om te zien wat erin zit</source>
      <translation>unknown: the password is needed to see what it holds</translation>
    </message>
    <message>
      <source>verloopt {date} ({days})</source>
      <translation>expires {date} ({days})</translation>
    </message>
  </context>
  <context>
    <name>ChooseTargetPage</name>
    <message>
      <source>Verplaatsen</source>
      <translation>Move</translation>
    </message>
    <message>
      <source>Ver&amp;plaatsen: daarna weghalen uit {source}, zodra het op de nieuwe plek werkt</source>
      <translation>&amp;Move: then take it out of {source}, once it works in the new place</translation>
    </message>
    <message>
      <source>Waar moet het certificaat komen?</source>
      <translation>Where should the certificate go?</translation>
    </message>
    <message>
      <source>Edge, Chrome en de praktijksoftware gebruiken de Windows-opslag; Firefox heeft een eigen opslag per profiel. Kies één of meer plaatsen.</source>
      <translation>Edge, Chrome and the practice software use the Windows store; Firefox has its own store per profile. Choose one or more places.</translation>
    </message>
    <message>
      <source>Plaatsen</source>
      <translation>Places</translation>
    </message>
    <message>
      <source>Nu niet te gebruiken:</source>
      <translation>Not usable now:</translation>
    </message>
  </context>
  <context>
    <name>Dates</name>
    <message>
      <source>nog {n} dagen</source>
      <translation>{n} days left</translation>
    </message>
    <message>
      <source>nog 1 dag</source>
      <translation>1 day left</translation>
    </message>
    <message>
      <source>verloopt vandaag</source>
      <translation>expires today</translation>
    </message>
    <message>
      <source>1 dag geleden verlopen</source>
      <translation>expired 1 day ago</translation>
    </message>
    <message>
      <source>{n} dagen geleden verlopen</source>
      <translation>expired {n} days ago</translation>
    </message>
  </context>
  <context>
    <name>FlowPage</name>
    <message>
      <source>Foutmelding</source>
      <translation>Error message</translation>
    </message>
    <message>
      <source>Bezig</source>
      <translation>Busy</translation>
    </message>
    <message>
      <source>Details tonen</source>
      <translation>Show details</translation>
    </message>
    <message>
      <source>Details tonen of verbergen</source>
      <translation>Show or hide details</translation>
    </message>
    <message>
      <source>Bezig…</source>
      <translation>Working…</translation>
    </message>
  </context>
  <context>
    <name>Flows</name>
    <message>
      <source>Installeren uit bestand</source>
      <translation>Install from a file</translation>
    </message>
    <message>
      <source>Back-up maken</source>
      <translation>Make a backup</translation>
    </message>
    <message>
      <source>Back-up terugzetten</source>
      <translation>Restore a backup</translation>
    </message>
    <message>
      <source>Kopiëren Windows ↔ Firefox</source>
      <translation>Copy Windows ↔ Firefox</translation>
    </message>
    <message>
      <source>Naar andere pc's brengen</source>
      <translation>Bring to other PCs</translation>
    </message>
    <message>
      <source>Vernieuwen</source>
      <translation>Renew</translation>
    </message>
    <message>
      <source>Verwijderen</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>UZI-certificaat koppelen</source>
      <translation>Pair UZI certificate</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>Hulp van de uitgevers</source>
      <translation>Help from the issuers</translation>
    </message>
    <message>
      <source>VECOZO support (pincode, aanvragen)</source>
      <translation>VECOZO support (PIN, requests)</translation>
    </message>
    <message>
      <source>Zorg-CSP (UZI-certificaten)</source>
      <translation>Zorg-CSP (UZI certificates)</translation>
    </message>
    <message>
      <source>UZI-register (CIBG)</source>
      <translation>UZI register (CIBG)</translation>
    </message>
    <message>
      <source>Links naar VECOZO en het UZI-register</source>
      <translation>Links to VECOZO and the UZI register</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>tekens bevestigen</source>
      <translation>confirm the signs</translation>
    </message>
    <message>
      <source>ok</source>
      <translation>ok</translation>
    </message>
    <message>
      <source>vernieuwen</source>
      <translation>renew</translation>
    </message>
    <message>
      <source>verlopen</source>
      <translation>expired</translation>
    </message>
    <message>
      <source>nog niet geldig</source>
      <translation>not yet valid</translation>
    </message>
    <message>
      <source>UZI: nu starten</source>
      <translation>UZI: start now</translation>
    </message>
    <message>
      <source>UZI: te laat</source>
      <translation>UZI: overdue</translation>
    </message>
    <message>
      <source>nu installeren</source>
      <translation>install now</translation>
    </message>
    <message>
      <source>back-up ontbreekt</source>
      <translation>backup missing</translation>
    </message>
    <message>
      <source>vervangen</source>
      <translation>replaced</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>DEMO — u werkt in een zandbak met verzonnen certificaten. Niets op deze pc verandert.</source>
      <translation>DEMO — you are working in a sandbox with made-up certificates. Nothing on this PC changes.</translation>
    </message>
    <message>
      <source>certassist — certificaatassistent</source>
      <translation>certassist — certificate assistant</translation>
    </message>
    <message>
      <source>Demo-melding</source>
      <translation>Demo notice</translation>
    </message>
    <message>
      <source>&amp;Praktijkinstellingen…</source>
      <translation>&amp;Practice settings…</translation>
    </message>
    <message>
      <source>Praktijkinstellingen</source>
      <translation>Practice settings</translation>
    </message>
    <message>
      <source>&amp;Taal:</source>
      <translation>&amp;Language:</translation>
    </message>
    <message>
      <source>Taal</source>
      <translation>Language</translation>
    </message>
  </context>
  <context>
    <name>Overview</name>
    <message>
      <source>Certificaat</source>
      <translation>Certificate</translation>
    </message>
    <message>
      <source>Soort</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Waar</source>
      <translation>Where</translation>
    </message>
    <message>
      <source>Verloopt</source>
      <translation>Expires</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>(zonder sleutel)</source>
      <translation>(without key)</translation>
    </message>
  </context>
  <context>
    <name>PairCheckPage</name>
    <message>
      <source>Controle van het ontvangen certificaat</source>
      <translation>Check of the received certificate</translation>
    </message>
    <message>
      <source>certassist controleert of dit certificaat bij uw aanvraag en uw praktijk hoort. Er is nog niets geïnstalleerd.</source>
      <translation>certassist checks that this certificate belongs to your request and your practice. Nothing has been installed yet.</translation>
    </message>
    <message>
      <source>Uitkomst van de controle</source>
      <translation>Outcome of the check</translation>
    </message>
    <message>
      <source>Bezig met controleren…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>Bestand wordt gelezen en gecontroleerd…</source>
      <translation>Reading and checking the file…</translation>
    </message>
    <message>
      <source>Niet gekoppeld</source>
      <translation>Not paired</translation>
    </message>
    <message>
      <source>Ga terug om een ander bestand of het juiste wachtwoord te kiezen.</source>
      <translation>Go back to choose another file or the right password.</translation>
    </message>
    <message>
      <source>De sleutel past: dit certificaat hoort bij uw aanvraag.</source>
      <translation>The key matches: this certificate belongs to your request.</translation>
    </message>
    <message>
      <source>UZI-servercertificaat voor {host}.</source>
      <translation>UZI server certificate for {host}.</translation>
    </message>
    <message>
      <source>Abonneenummer {number} klopt.</source>
      <translation>Subscriber number {number} is correct.</translation>
    </message>
    <message>
      <source>Geldig van {start} tot en met {end} ({days}).</source>
      <translation>Valid from {start} up to and including {end} ({days}).</translation>
    </message>
    <message>
      <source>Omgeving: {env}.</source>
      <translation>Environment: {env}.</translation>
    </message>
    <message>
      <source>Het certificaat hoort bij uw aanvraag.</source>
      <translation>The certificate belongs to your request.</translation>
    </message>
  </context>
  <context>
    <name>PairFilePage</name>
    <message>
      <source>Het ontvangen UZI-servercertificaat koppelen</source>
      <translation>Pair the received UZI server certificate</translation>
    </message>
    <message>
      <source>Kies de aanvraag en het certificaatbestand dat u van uw leverancier of het UZI-register kreeg (.pem, .cer, .der of .p7b). De nieuwe sleutel staat al versleuteld op deze pc.</source>
      <translation>Choose the request and the certificate file you received from your vendor or the UZI register (.pem, .cer, .der or .p7b). The new key is already on this PC, encrypted.</translation>
    </message>
    <message>
      <source>Openstaande aanvraag</source>
      <translation>Pending request</translation>
    </message>
    <message>
      <source>&amp;Aanvraag:</source>
      <translation>&amp;Request:</translation>
    </message>
    <message>
      <source>&amp;Certificaat:</source>
      <translation>&amp;Certificate:</translation>
    </message>
    <message>
      <source>Ontvangen certificaatbestand</source>
      <translation>Received certificate file</translation>
    </message>
    <message>
      <source>&amp;Bladeren…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <source>Certificaatbestand kiezen</source>
      <translation>Choose certificate file</translation>
    </message>
    <message>
      <source>Wachtwoord van de nieuwe sleutel</source>
      <translation>Password of the new key</translation>
    </message>
    <message>
      <source>&amp;Wachtwoord sleutel:</source>
      <translation>Key &amp;password:</translation>
    </message>
    <message>
      <source>{host} — aangevraagd op {date}</source>
      <translation>{host} — requested on {date}</translation>
    </message>
    <message>
      <source>Er staat geen UZI-aanvraag open op deze pc. Maak eerst een aanvraag: kies 'Vernieuwen' bij het UZI-servercertificaat.</source>
      <translation>There is no pending UZI request on this PC. Make a request first: choose 'Renew' for the UZI server certificate.</translation>
    </message>
    <message>
      <source>Het wachtwoord van deze sleutel is onthouden op deze pc (sleutelbos).</source>
      <translation>The password of this key is remembered on this PC (keyring).</translation>
    </message>
    <message>
      <source>Ontvangen certificaat kiezen</source>
      <translation>Choose the received certificate</translation>
    </message>
    <message>
      <source>Certificaten</source>
      <translation>Certificates</translation>
    </message>
  </context>
  <context>
    <name>PairResultPage</name>
    <message>
      <source>Klaar</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Resultaat</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Nu een &amp;back-up maken</source>
      <translation>Make a &amp;backup now</translation>
    </message>
    <message>
      <source>Nu een back-up maken</source>
      <translation>Make a backup now</translation>
    </message>
    <message>
      <source>Vernieuwd</source>
      <translation>Renewed</translation>
    </message>
    <message>
      <source>Nog niet af</source>
      <translation>Not finished yet</translation>
    </message>
    <message>
      <source>Nieuw certificaat geldig tot {date} ({days}).</source>
      <translation>New certificate valid until {date} ({days}).</translation>
    </message>
    <message>
      <source>Wat u nu doet bij {vendor}:</source>
      <translation>What you do next with {vendor}:</translation>
    </message>
    <message>
      <source>Leg uw HIS- of AIS-leverancier vast in de praktijkinstellingen; dan ziet u hier de stappen die daarna nog nodig zijn.</source>
      <translation>Record your HIS or AIS vendor in the practice settings; then you see here the steps that are still needed afterwards.</translation>
    </message>
  </context>
  <context>
    <name>PairTargetPage</name>
    <message>
      <source>Waar moet het nieuwe certificaat komen?</source>
      <translation>Where should the new certificate go?</translation>
    </message>
    <message>
      <source>Maak een PFX-bestand (met sleutel en wachtwoord) voor uw leverancier of portaal, en/of installeer het op deze pc.</source>
      <translation>Make a PFX file (with key and password) for your vendor or portal, and/or install it on this PC.</translation>
    </message>
    <message>
      <source>&amp;PFX-bestand maken</source>
      <translation>Make a &amp;PFX file</translation>
    </message>
    <message>
      <source>PFX-bestand maken</source>
      <translation>Make a PFX file</translation>
    </message>
    <message>
      <source>&amp;Map:</source>
      <translation>&amp;Folder:</translation>
    </message>
    <message>
      <source>Map voor het PFX-bestand</source>
      <translation>Folder for the PFX file</translation>
    </message>
    <message>
      <source>&amp;Bladeren…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <source>Map kiezen</source>
      <translation>Choose folder</translation>
    </message>
    <message>
      <source>Wachtwoord voor het PFX-bestand</source>
      <translation>Password for the PFX file</translation>
    </message>
    <message>
      <source>&amp;Wachtwoord:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <source>Wachtwoord herhalen</source>
      <translation>Repeat password</translation>
    </message>
    <message>
      <source>&amp;Herhaal:</source>
      <translation>&amp;Repeat:</translation>
    </message>
    <message>
      <source>Installeren op deze pc in:</source>
      <translation>Install on this PC in:</translation>
    </message>
    <message>
      <source>Plaatsen op deze pc</source>
      <translation>Places on this PC</translation>
    </message>
    <message>
      <source>Map voor het PFX-bestand kiezen</source>
      <translation>Choose a folder for the PFX file</translation>
    </message>
  </context>
  <context>
    <name>PasswordField</name>
    <message>
      <source>leeg</source>
      <translation>empty</translation>
    </message>
    <message>
      <source>zwak</source>
      <translation>weak</translation>
    </message>
    <message>
      <source>matig</source>
      <translation>fair</translation>
    </message>
    <message>
      <source>goed</source>
      <translation>good</translation>
    </message>
    <message>
      <source>sterk</source>
      <translation>strong</translation>
    </message>
    <message>
      <source>Tonen</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>Wachtwoord tonen of verbergen</source>
      <translation>Show or hide password</translation>
    </message>
    <message>
      <source>Let op: Caps Lock staat aan.</source>
      <translation>Note: Caps Lock is on.</translation>
    </message>
    <message>
      <source>Sterkte van het wachtwoord</source>
      <translation>Password strength</translation>
    </message>
    <message>
      <source>Verbergen</source>
      <translation>Hide</translation>
    </message>
  </context>
  <context>
    <name>Reminders</name>
    <message>
      <source>Dagelijkse herinnering</source>
      <translation>Daily reminder</translation>
    </message>
    <message>
      <source>&amp;Elke ochtend controleren en een melding tonen als er iets moet gebeuren</source>
      <translation>Check &amp;every morning and show a notification when something needs doing</translation>
    </message>
    <message>
      <source>Dagelijkse herinnering aan of uit</source>
      <translation>Daily reminder on or off</translation>
    </message>
    <message>
      <source>In de demo blijft de herinnering uit.</source>
      <translation>In the demo the reminder stays off.</translation>
    </message>
    <message>
      <source>Bezig met nakijken…</source>
      <translation>Checking…</translation>
    </message>
  </context>
  <context>
    <name>RenewGuidePage</name>
    <message>
      <source>Ik heb de &amp;pincode van het systeemcertificaat bij de hand.</source>
      <translation>I have the system certificate&apos;s &amp;PIN at hand.</translation>
    </message>
    <message>
      <source>Klik daarna op Volgende: certassist wacht tot het nieuwe certificaat in {places} staat en noteert de installatiedatum.</source>
      <translation>Then click Next: certassist waits until the new certificate is in {places} and notes the installation date.</translation>
    </message>
    <message>
      <source>Volg de stappen op de VECOZO-website om het certificaat te vernieuwen. Het blijft daarna twee jaar geldig, gerekend vanaf de oude verloopdatum.</source>
      <translation>Follow the steps on the VECOZO website to renew the certificate. It then stays valid for two years, counted from the old expiry date.</translation>
    </message>
    <message>
      <source>Maak direct daarna in certassist een back-up op een USB-stick, en gebruik 'Naar andere pc's brengen' voor de andere pc's.</source>
      <translation>Right after that, make a backup on a USB stick in certassist, and use 'Bring to other PCs' for the other PCs.</translation>
    </message>
    <message>
      <source>Alleen de contactpersoon vernieuwt het systeemcertificaat; houd de pincode bij de hand.</source>
      <translation>Only the contact person renews the system certificate; keep the PIN at hand.</translation>
    </message>
    <message>
      <source>Alleen de persoon op wiens naam het certificaat staat, voert de gegevens zelf in.</source>
      <translation>Only the person named in the certificate enters the details, personally.</translation>
    </message>
    <message>
      <source>Open de link uit de e-mail van VECOZO, of de vernieuwpagina: {link}. Vanaf een maand voor de verloopdatum ziet u daar een melding.</source>
      <translation>Open the link in VECOZO's e-mail, or the renewal page: {link}. From one month before the expiry date you will see a notice there.</translation>
    </message>
    <message>
      <source>De contactpersoon logt in met het gebruikersnummer (14 cijfers) en de pincode van het systeemcertificaat.</source>
      <translation>The contact person logs in with the user number (14 digits) and the PIN of the system certificate.</translation>
    </message>
    <message>
      <source>Log zelf in met uw gebruikersnummer (14 cijfers) en de pincode van uw certificaat.</source>
      <translation>Log in yourself with your user number (14 digits) and the PIN of your certificate.</translation>
    </message>
    <message>
      <source>Open de installatiepagina van VECOZO: {link}. Een nieuwe aanvraag is niet nodig.</source>
      <translation>Open VECOZO's installation page: {link}. No new request is needed.</translation>
    </message>
    <message>
      <source>Installeer het certificaat opnieuw in Windows of Firefox, zoals de website aangeeft; het oude, verlopen certificaat kunt u daarna verwijderen.</source>
      <translation>Install the certificate again in Windows or Firefox, as the website says; you can remove the old, expired certificate afterwards.</translation>
    </message>
    <message>
      <source>certassist kent voor dit certificaat geen vernieuwstappen. Vraag de uitgever of uw IT-leverancier om een nieuw certificaat.</source>
      <translation>certassist knows no renewal steps for this certificate. Ask its issuer or your IT supplier for a new certificate.</translation>
    </message>
    <message>
      <source>Krijgt u een nieuw bestand, installeer het dan met 'Installeren uit bestand' en maak daarna een back-up.</source>
      <translation>When you receive a new file, install it with 'Install from file' and then make a backup.</translation>
    </message>
    <message>
      <source>Neem contact op met uw HIS- of AIS-leverancier (of het patiëntportaal): zij vragen het nieuwe UZI-servercertificaat samen met u aan.</source>
      <translation>Contact your HIS or AIS vendor (or the patient portal): they request the new UZI server certificate together with you.</translation>
    </message>
    <message>
      <source>Reken op ongeveer drie weken verwerking; is het zeven dagen voor het verlopen niet klaar, dan valt de DigiD-koppeling weg.</source>
      <translation>Processing takes about three weeks; if it is not complete seven days before expiry, the DigiD link is switched off.</translation>
    </message>
    <message>
      <source>Controleer daarna met certassist dat het nieuwe certificaat er staat; de leverancier stuurt geen bevestiging.</source>
      <translation>Afterwards, check with certassist that the new certificate is in place; the vendor sends no confirmation.</translation>
    </message>
    <message>
      <source>Vernieuwen: zo gaat het</source>
      <translation>Renewing: how it works</translation>
    </message>
    <message>
      <source>Stappen om te vernieuwen</source>
      <translation>Steps to renew</translation>
    </message>
    <message>
      <source>UZI-register</source>
      <translation>UZI register</translation>
    </message>
    <message>
      <source>VECOZO support</source>
      <translation>VECOZO support</translation>
    </message>
    <message>
      <source>Opnieuw installeren: zo gaat het</source>
      <translation>Installing again: how it works</translation>
    </message>
    <message>
      <source>U hoeft nu nog niets te doen. Vernieuwen kan vanaf {date}; certassist herinnert u eraan. Dan gaat het zo:</source>
      <translation>Nothing to do yet. Renewal opens on {date}; certassist will remind you. Then it works like this:</translation>
    </message>
      <message>
      <source>Open de link uit de e-mail van VECOZO, of de vernieuwpagina: {link}.</source>
      <translation>Open the link in VECOZO&apos;s e-mail, or the renewal page: {link}.</translation>
    </message>
    <message>
      <source>Vraag aan vóór: {date}.</source>
      <translation>Request by: {date}.</translation>
    </message>
    <message>
      <source>Nieuw certificaat bij de portal vóór: {date}. De portal heeft vanaf ontvangst ongeveer drie weken nodig.</source>
      <translation>New certificate with the portal by: {date}. The portal needs about three weeks from receiving it.</translation>
    </message>
    <message>
      <source>DigiD gaat uit op {date} als de vernieuwing dan niet klaar is.</source>
      <translation>DigiD goes off on {date} if the renewal is not done by then.</translation>
    </message>
</context>
  <context>
    <name>ResultPage</name>
    <message>
      <source>&lt;b&gt;Waar:&lt;/b&gt;</source>
      <translation>&lt;b&gt;Where:&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Maak nu een back-up op een USB-stick: een certificaat kan maar één keer worden geïnstalleerd.</source>
      <translation>Make a backup on a USB stick now: a certificate can be installed only once.</translation>
    </message>
    <message>
      <source>Bewaar de back-up op een veilige plek; u heeft hem weer nodig als deze pc wordt vervangen.</source>
      <translation>Keep the backup in a safe place; you will need it again when this PC is replaced.</translation>
    </message>
    <message>
      <source>Start de browser opnieuw en log in op VECOZO om te controleren dat het werkt.</source>
      <translation>Restart the browser and log in to VECOZO to check that it works.</translation>
    </message>
    <message>
      <source>Haal de USB-stick eruit en bewaar hem op een veilige plek, apart van het wachtwoord.</source>
      <translation>Take out the USB stick and keep it in a safe place, apart from the password.</translation>
    </message>
    <message>
      <source>Neem de USB-stick mee naar de andere pc's. Start daar certassist en kies 'Back-up terugzetten'. Elke gebruiker zet een persoonlijk certificaat zelf terug op het eigen account.</source>
      <translation>Take the USB stick to the other PCs. Start certassist there and choose 'Restore a backup'. Each user restores a personal certificate on their own account.</translation>
    </message>
    <message>
      <source>Het certificaat is weg van deze plek. Back-ups op andere media zijn niet aangeraakt.</source>
      <translation>The certificate is gone from this place. Backups on other media were not touched.</translation>
    </message>
    <message>
      <source>Klaar</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Resultaat</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Gelukt</source>
      <translation>Succeeded</translation>
    </message>
    <message>
      <source>Afgebroken</source>
      <translation>Stopped</translation>
    </message>
    <message>
      <source>Niet gelukt</source>
      <translation>Failed</translation>
    </message>
    <message>
      <source>Geldig tot {date} ({days}).</source>
      <translation>Valid until {date} ({days}).</translation>
    </message>
    <message>
      <source>Wat nu?</source>
      <translation>What next?</translation>
    </message>
  </context>
  <context>
    <name>Rules</name>
    <message>
      <source>Een persoonlijk certificaat is een persoonlijk inlogmiddel, zoals een pinpas: alleen de persoon op wiens naam het staat mag het installeren of terugzetten.</source>
      <translation>A personal certificate is a personal means of logging in, like a bank card: only the person named in it may install or restore it.</translation>
    </message>
    <message>
      <source>Het systeemcertificaat is van de praktijk; de VECOZO-contactpersoon beheert het en heeft de pincode.</source>
      <translation>The system certificate belongs to the practice; the VECOZO contact person manages it and holds the PIN.</translation>
    </message>
    <message>
      <source>Met een systeemcertificaat kunt u niet inloggen op de VECOZO-website; het hoort bij de praktijksoftware (Windows of een bestand), niet in een browser.</source>
      <translation>A system certificate cannot log in to the VECOZO website; it belongs with the practice software (Windows or a file), not in a browser.</translation>
    </message>
    <message>
      <source>Een persoonlijk certificaat hoort alleen in de opslag van uw eigen Windows-account, zodat collega's er niet mee kunnen inloggen.</source>
      <translation>A personal certificate belongs only in your own Windows account's stores, so colleagues cannot log in with it.</translation>
    </message>
    <message>
      <source>Een uitgegeven certificaat moet binnen 60 dagen worden geïnstalleerd, anders verwijdert de uitgever het.</source>
      <translation>An issued certificate must be installed within 60 days, or the issuer deletes it.</translation>
    </message>
    <message>
      <source>Een certificaat is maar een bepaalde tijd geldig.</source>
      <translation>A certificate is valid for a limited time only.</translation>
    </message>
    <message>
      <source>Vanaf een maand voor de verloopdatum kunt u een VECOZO-certificaat vernieuwen; het blijft daarna twee jaar geldig vanaf de oude verloopdatum.</source>
      <translation>From one month before the expiry date you can renew a VECOZO certificate; it then stays valid for two years from the old expiry date.</translation>
    </message>
    <message>
      <source>Een verlopen VECOZO-certificaat installeert u opnieuw met gebruikersnummer en pincode; een nieuwe aanvraag is niet nodig.</source>
      <translation>An expired VECOZO certificate is reinstalled with the user number and PIN; no new request is needed.</translation>
    </message>
    <message>
      <source>Een certificaat kan maar één keer worden geïnstalleerd. Zonder back-up op een ander medium bent u het kwijt als de pc stukgaat.</source>
      <translation>A certificate can be installed only once. Without a backup on another medium you lose it when the PC breaks down.</translation>
    </message>
    <message>
      <source>Test-, acceptatie- en productiecertificaten worden nooit door elkaar gebruikt.</source>
      <translation>Test, acceptance and production certificates are never mixed.</translation>
    </message>
    <message>
      <source>De portal heeft ongeveer drie weken nodig vanaf het moment dat zij het nieuwe UZI-servercertificaat heeft ontvangen; is de vernieuwing 7 dagen voor het verlopen niet klaar, dan gaat de DigiD-koppeling tijdelijk uit.</source>
      <translation>The portal needs about three weeks from the moment it has received the new UZI server certificate; if the renewal is not complete 7 days before expiry, the DigiD link is switched off temporarily.</translation>
    </message>
    <message>
      <source>Een UZI-servercertificaat hoort bij één abonneenummer (URA) van de praktijk; verandert dat, de praktijknaam, de contracthouder of de UZI-pashouder, dan kan het ongeldig worden.</source>
      <translation>A UZI server certificate belongs to one subscriber number (URA) of the practice; if that, the practice name, the contract holder or the UZI card holder changes, it may become invalid.</translation>
    </message>
    <message>
      <source>De leverancier bevestigt een vernieuwing niet; certassist controleert zelf of het nieuwe certificaat er staat.</source>
      <translation>The vendor does not confirm a renewal; certassist checks for itself that the new certificate is in place.</translation>
    </message>
  </context>
  <context>
    <name>RunPage</name>
    <message>
      <source>Bezig…</source>
      <translation>Working…</translation>
    </message>
    <message>
      <source>Een ogenblik; het venster blijft bruikbaar.</source>
      <translation>One moment; the window stays usable.</translation>
    </message>
    <message>
      <source>Voortgang</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>&amp;Afbreken</source>
      <translation>&amp;Stop</translation>
    </message>
    <message>
      <source>Afbreken</source>
      <translation>Stop</translation>
    </message>
    <message>
      <source>Starten…</source>
      <translation>Starting…</translation>
    </message>
    <message>
      <source>Afbreken na de huidige stap…</source>
      <translation>Stopping after the current step…</translation>
    </message>
    <message>
      <source>Niet gelukt.</source>
      <translation>Failed.</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Praktijkinstellingen</source>
      <translation>Practice settings</translation>
    </message>
    <message>
      <source>Wat de praktijk over zichzelf vastlegt. certassist vergelijkt certificaten hiermee (abonneenummer, regel R13) en toont de stappen van uw leverancier (regel R12). Hier staan geen wachtwoorden of pincodes.</source>
      <translation>What the practice records about itself. certassist compares certificates with it (subscriber number, rule R13) and shows your vendor's steps (rule R12). No passwords or PINs are kept here.</translation>
    </message>
    <message>
      <source>Naam van de praktijk</source>
      <translation>Name of the practice</translation>
    </message>
    <message>
      <source>&amp;Praktijknaam:</source>
      <translation>&amp;Practice name:</translation>
    </message>
    <message>
      <source>AGB-code</source>
      <translation>AGB code</translation>
    </message>
    <message>
      <source>8 cijfers</source>
      <translation>8 digits</translation>
    </message>
    <message>
      <source>&amp;AGB-code:</source>
      <translation>&amp;AGB code:</translation>
    </message>
    <message>
      <source>Abonneenummer (URA/OIN)</source>
      <translation>Subscriber number (URA/OIN)</translation>
    </message>
    <message>
      <source>URA: 8 cijfers, OIN: 20 cijfers</source>
      <translation>URA: 8 digits, OIN: 20 digits</translation>
    </message>
    <message>
      <source>A&amp;bonneenummer (URA/OIN):</source>
      <translation>&amp;Subscriber number (URA/OIN):</translation>
    </message>
    <message>
      <source>HIS- of AIS-leverancier</source>
      <translation>HIS or AIS vendor</translation>
    </message>
    <message>
      <source>(niet ingesteld)</source>
      <translation>(not set)</translation>
    </message>
    <message>
      <source>&amp;Leverancier (HIS/AIS):</source>
      <translation>&amp;Vendor (HIS/AIS):</translation>
    </message>
    <message>
      <source>VECOZO-contactpersoon</source>
      <translation>VECOZO contact person</translation>
    </message>
    <message>
      <source>naam zoals bij VECOZO</source>
      <translation>name as known to VECOZO</translation>
    </message>
    <message>
      <source>&amp;Contactpersoon:</source>
      <translation>&amp;Contact person:</translation>
    </message>
    <message>
      <source>Back-upmappen</source>
      <translation>Backup folders</translation>
    </message>
    <message>
      <source>Map &amp;toevoegen…</source>
      <translation>&amp;Add folder…</translation>
    </message>
    <message>
      <source>Back-upmap toevoegen</source>
      <translation>Add backup folder</translation>
    </message>
    <message>
      <source>Map &amp;weghalen</source>
      <translation>Re&amp;move folder</translation>
    </message>
    <message>
      <source>Back-upmap weghalen</source>
      <translation>Remove backup folder</translation>
    </message>
    <message>
      <source>Back-up&amp;mappen:</source>
      <translation>Backup f&amp;olders:</translation>
    </message>
    <message>
      <source> weken</source>
      <translation> weeks</translation>
    </message>
    <message>
      <source>Weken vóór de laatste startdatum herinneren (UZI)</source>
      <translation>Weeks before the latest start date to remind (UZI)</translation>
    </message>
    <message>
      <source>&amp;UZI-herinnering:</source>
      <translation>&amp;UZI reminder:</translation>
    </message>
    <message>
      <source>&amp;Opslaan</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Opslaan</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Openstaande aanvragen: {n} (blijven bewaard; ze verdwijnen als het certificaat is geïnstalleerd).</source>
      <translation>Pending requests: {n} (kept; they disappear once the certificate is installed).</translation>
    </message>
    <message>
      <source>Back-upmap kiezen</source>
      <translation>Choose backup folder</translation>
    </message>
      <message>
      <source>Abonneenummer (URA)</source>
      <translation>Subscriber number (URA)</translation>
    </message>
    <message>
      <source>8 cijfers, zoals in uw UZI-servercertificaat</source>
      <translation>8 digits, as in your UZI server certificate</translation>
    </message>
    <message>
      <source>A&amp;bonneenummer (URA):</source>
      <translation>Su&amp;bscriber number (URA):</translation>
    </message>
    <message>
      <source>OIN (optioneel)</source>
      <translation>OIN (optional)</translation>
    </message>
    <message>
      <source>20 cijfers; alleen bewaard, nergens mee vergeleken</source>
      <translation>20 digits; only kept, never compared</translation>
    </message>
    <message>
      <source>&amp;OIN (optioneel):</source>
      <translation>&amp;OIN (optional):</translation>
    </message>
    <message>
      <source>Contracthouder</source>
      <translation>Contract holder</translation>
    </message>
    <message>
      <source>Co&amp;ntracthouder:</source>
      <translation>Co&amp;ntract holder:</translation>
    </message>
    <message>
      <source>UZI-pashouder</source>
      <translation>UZI card holder</translation>
    </message>
    <message>
      <source>UZI-pas&amp;houder:</source>
      <translation>UZI card &amp;holder:</translation>
    </message>
    <message>
      <source>Uitgiftetijd UZI-servercertificaat in weken</source>
      <translation>Issuing time of the UZI server certificate in weeks</translation>
    </message>
    <message>
      <source>Weken van uw aanvraag bij de HIS- of AIS-leverancier tot het nieuwe certificaat bij de portal is (standaard {n}). &apos;Vraag aan vóór&apos; = verloopdatum − 28 dagen − deze weken; &apos;nieuw certificaat bij de portal vóór&apos; = verloopdatum − 28 dagen; &apos;DigiD gaat uit op&apos; = verloopdatum − 7 dagen.</source>
      <translation>Weeks from your request with the HIS or AIS vendor until the new certificate is with the portal (default {n}). &apos;Request by&apos; = expiry date − 28 days − these weeks; &apos;new certificate with the portal by&apos; = expiry date − 28 days; &apos;DigiD goes off on&apos; = expiry date − 7 days.</translation>
    </message>
    <message>
      <source>&amp;UZI-uitgiftetijd:</source>
      <translation>&amp;UZI issuing time:</translation>
    </message>
    <message>
      <source>&amp;Toch opslaan</source>
      <translation>&amp;Save anyway</translation>
    </message>
</context>
  <context>
    <name>StartPage</name>
    <message>
      <source>&lt;b&gt;Persoonlijk certificaat&lt;/b&gt;: staat op naam van één persoon en is om in te loggen op de VECOZO-website. Alleen die persoon installeert, vernieuwt en zet het terug, en alleen in de eigen Windows- of Firefox-opslag.&lt;br&gt;&lt;b&gt;Systeemcertificaat&lt;/b&gt;: koppelt het praktijkprogramma aan VECOZO (declareren, verzekeringen controleren). De contactpersoon van de praktijk beheert het. Het hoort in Windows of in een bestand voor het programma, nooit in een browser.</source>
      <translation>&lt;b&gt;Personal certificate&lt;/b&gt;: issued to one person, for logging in to the VECOZO website. Only that person installs, renews and restores it, and only in their own Windows or Firefox store.&lt;br&gt;&lt;b&gt;System certificate&lt;/b&gt;: links the practice software to VECOZO (claims, insurance checks). The practice's contact person manages it. It belongs in Windows or in a file for the software, never in a browser.</translation>
    </message>
    <message>
      <source>Mijn certificaten</source>
      <translation>My certificates</translation>
    </message>
    <message>
      <source>Certificaten worden gelezen…</source>
      <translation>Reading certificates…</translation>
    </message>
    <message>
      <source>Toestand van het overzicht</source>
      <translation>State of the overview</translation>
    </message>
    <message>
      <source>&amp;Opnieuw inlezen</source>
      <translation>&amp;Reload</translation>
    </message>
    <message>
      <source>Overzicht opnieuw inlezen</source>
      <translation>Reload the overview</translation>
    </message>
    <message>
      <source>Agenda-export (.ics)</source>
      <translation>Calendar export (.ics)</translation>
    </message>
    <message>
      <source>Vernieuwdatums als agendabestand (.ics) opslaan</source>
      <translation>Save renewal dates as a calendar file (.ics)</translation>
    </message>
    <message>
      <source>Agenda-export</source>
      <translation>Calendar export</translation>
    </message>
    <message>
      <source>Lijst van certificaten</source>
      <translation>List of certificates</translation>
    </message>
    <message>
      <source>Uitleg bij het gekozen certificaat</source>
      <translation>Explanation of the chosen certificate</translation>
    </message>
    <message>
      <source>Wat wilt u doen?</source>
      <translation>What do you want to do?</translation>
    </message>
    <message>
      <source>Kies eerst een certificaat in de lijst.</source>
      <translation>Choose a certificate in the list first.</translation>
    </message>
    <message>
      <source>Kies een certificaat in de lijst voor uitleg, en om het te kopiëren, naar andere pc's te brengen, te vernieuwen of te verwijderen.</source>
      <translation>Choose a certificate in the list for an explanation, and to copy it, bring it to other PCs, renew it or remove it.</translation>
    </message>
    <message>
      <source>Persoonlijk of systeem: wat is het verschil?</source>
      <translation>Personal or system: what is the difference?</translation>
    </message>
    <message>
      <source>Persoonlijk of systeem</source>
      <translation>Personal or system</translation>
    </message>
    <message>
      <source>Geen certificaten gevonden.</source>
      <translation>No certificates found.</translation>
    </message>
    <message>
      <source>1 certificaat gevonden. Kies het voor uitleg.</source>
      <translation>1 certificate found. Choose it for an explanation.</translation>
    </message>
    <message>
      <source>{n} certificaten gevonden. Kies er een voor uitleg.</source>
      <translation>{n} certificates found. Choose one for an explanation.</translation>
    </message>
    <message>
      <source>Niet gelezen:</source>
      <translation>Not read:</translation>
    </message>
    <message>
      <source>Agenda-export opslaan</source>
      <translation>Save calendar export</translation>
    </message>
    <message>
      <source>Agenda (*.ics)</source>
      <translation>Calendar (*.ics)</translation>
    </message>
    <message>
      <source>Agenda wordt gemaakt…</source>
      <translation>Making the calendar…</translation>
    </message>
    <message>
      <source>{n} agenda-afspraken opgeslagen in {path}</source>
      <translation>{n} calendar events saved in {path}</translation>
    </message>
    <message>
      <source>met sleutel</source>
      <translation>with key</translation>
    </message>
    <message>
      <source>zonder sleutel</source>
      <translation>without key</translation>
    </message>
    <message>
      <source>Staat in:</source>
      <translation>Found in:</translation>
    </message>
  </context>
  <context>
    <name>UziRequestPage</name>
    <message>
      <source>Aanvraag voor het nieuwe certificaat</source>
      <translation>Request for the new certificate</translation>
    </message>
    <message>
      <source>certassist maakt een nieuwe sleutel en een aanvraagbestand voor uw leverancier. De sleutel blijft op deze pc, versleuteld met het wachtwoord dat u hier kiest.</source>
      <translation>certassist makes a new key and a request file for your vendor. The key stays on this PC, encrypted with the password you choose here.</translation>
    </message>
    <message>
      <source>Wachtwoord voor de nieuwe sleutel</source>
      <translation>Password for the new key</translation>
    </message>
    <message>
      <source>&amp;Wachtwoord:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <source>Wachtwoord herhalen</source>
      <translation>Repeat password</translation>
    </message>
    <message>
      <source>&amp;Herhaal:</source>
      <translation>&amp;Repeat:</translation>
    </message>
    <message>
      <source>Wachtwoord &amp;onthouden op deze pc (sleutelbos)</source>
      <translation>&amp;Remember the password on this PC (keyring)</translation>
    </message>
    <message>
      <source>&amp;Aanvraag maken</source>
      <translation>&amp;Make the request</translation>
    </message>
    <message>
      <source>Aanvraag maken</source>
      <translation>Make the request</translation>
    </message>
    <message>
      <source>Aanvraagbestand (CSR)</source>
      <translation>Request file (CSR)</translation>
    </message>
    <message>
      <source>Nieuwe sleutel en aanvraag worden gemaakt…</source>
      <translation>Making the new key and the request…</translation>
    </message>
    <message>
      <source>De aanvraag staat in {path}. Stuur dit bestand naar uw HIS- of AIS-leverancier. Komt het certificaat binnen, kies dan op de startpagina 'UZI-certificaat koppelen'.</source>
      <translation>The request is in {path}. Send this file to your HIS or AIS vendor. When the certificate arrives, choose 'Pair UZI certificate' on the start page.</translation>
    </message>
    <message>
      <source>Wat u daarna doet bij {vendor}:</source>
      <translation>What you do next with {vendor}:</translation>
    </message>
  </context>
  <context>
    <name>WhoPage</name>
    <message>
      <source>Wie bent u?</source>
      <translation>Who are you?</translation>
    </message>
    <message>
      <source>Een persoonlijk certificaat mag alleen de persoon zelf installeren of terugzetten; een systeemcertificaat beheert de contactpersoon van de praktijk.</source>
      <translation>Only the person named in a personal certificate may install or restore it; the practice's contact person manages the system certificate.</translation>
    </message>
    <message>
      <source>Ik ben de persoon op wiens naam het certificaat staat</source>
      <translation>I am the person named in the certificate</translation>
    </message>
    <message>
      <source>Uw naam</source>
      <translation>Your name</translation>
    </message>
    <message>
      <source>zoals in uw certificaat</source>
      <translation>as in your certificate</translation>
    </message>
    <message>
      <source>Uw &amp;naam:</source>
      <translation>Your &amp;name:</translation>
    </message>
    <message>
      <source>Ik ben de &amp;contactpersoon van de praktijk voor VECOZO</source>
      <translation>I am the practice's VECOZO &amp;contact person</translation>
    </message>
    <message>
      <source>Ik ben de contactpersoon</source>
      <translation>I am the contact person</translation>
    </message>
    <message>
      <source>Contactpersoon volgens de praktijk</source>
      <translation>Contact person according to the practice</translation>
    </message>
    <message>
      <source>Twijfelt u wie de contactpersoon is? Dat staat in VECOZO onder 'Mijn gegevens'; de contactpersoon heeft ook de pincodes.</source>
      <translation>Not sure who the contact person is? VECOZO shows it under 'My details'; the contact person also holds the PINs.</translation>
    </message>
    <message>
      <source>Ik ben {holder}</source>
      <translation>I am {holder}</translation>
    </message>
    <message>
      <source>U staat in de praktijkinstellingen als contactpersoon.</source>
      <translation>The practice settings name you as the contact person.</translation>
    </message>
    <message>
      <source>Let op: in de praktijkinstellingen staat {name} als contactpersoon. Alleen de contactpersoon installeert of vernieuwt het systeemcertificaat.</source>
      <translation>Note: the practice settings name {name} as the contact person. Only the contact person installs or renews the system certificate.</translation>
    </message>
    <message>
      <source>De contactpersoon van de praktijk is {name}.</source>
      <translation>The practice's contact person is {name}.</translation>
    </message>
  </context>
  <context>
    <name>Wizard</name>
    <message>
      <source>&amp;Volgende &gt;</source>
      <translation>&amp;Next &gt;</translation>
    </message>
    <message>
      <source>&lt; &amp;Vorige</source>
      <translation>&lt; &amp;Back</translation>
    </message>
    <message>
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>&amp;Sluiten</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <source>&amp;Uitvoeren</source>
      <translation>&amp;Go ahead</translation>
    </message>
    <message>
      <source>Even wachten: certassist is nog bezig. Daarna ziet u wat er is gebeurd en kunt u het venster sluiten.</source>
      <translation>Please wait: certassist is still working. Then you will see what happened and can close the window.</translation>
    </message>
  </context>
  <context>
    <name>Words</name>
    <message>
      <source>regel {rule}</source>
      <translation>rule {rule}</translation>
    </message>
  </context>
  <context>
    <name>VecozoResultPage</name>
    <message>
      <source>Installatiedatum vastgelegd: {date}.</source>
      <translation>Installation date recorded: {date}.</translation>
    </message>
    <message>
      <source>Geldig tot {date} ({days}).</source>
      <translation>Valid until {date} ({days}).</translation>
    </message>
    <message>
      <source>Het nieuwe certificaat van {holder} staat in {store}.</source>
      <translation>The new certificate of {holder} is in {store}.</translation>
    </message>
    <message>
      <source>Vernieuwd</source>
      <translation>Renewed</translation>
    </message>
    <message>
      <source>Er is niets veranderd.</source>
      <translation>Nothing was changed.</translation>
    </message>
    <message>
      <source>Nog niet gevonden</source>
      <translation>Not found yet</translation>
    </message>
    <message>
      <source>Afgebroken</source>
      <translation>Stopped</translation>
    </message>
    <message>
      <source>Nu een back-up maken</source>
      <translation>Make a backup now</translation>
    </message>
    <message>
      <source>Nu een &amp;back-up maken</source>
      <translation>Make a &amp;backup now</translation>
    </message>
    <message>
      <source>Resultaat</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Klaar</source>
      <translation>Done</translation>
    </message>
  </context>
  <context>
    <name>VecozoWaitPage</name>
    <message>
      <source>Afbreken verandert niets; u kunt later opnieuw beginnen met Vernieuwen.</source>
      <translation>Stopping changes nothing; you can start again later with Renew.</translation>
    </message>
    <message>
      <source>Nog niet gedaan? Open de vernieuwpagina: {link}. Gebruik de browser waarin het certificaat moet komen.</source>
      <translation>Not done yet? Open the renewal page: {link}. Use the browser the certificate should go into.</translation>
    </message>
    <message>
      <source>Afbreken</source>
      <translation>Stop</translation>
    </message>
    <message>
      <source>&amp;Afbreken</source>
      <translation>&amp;Stop</translation>
    </message>
    <message>
      <source>Waar certassist op wacht</source>
      <translation>What certassist is waiting for</translation>
    </message>
    <message>
      <source>Rond de vernieuwing af op de VECOZO-website. certassist ziet vanzelf wanneer het nieuwe certificaat er staat.</source>
      <translation>Finish the renewal on the VECOZO website. certassist notices by itself when the new certificate is there.</translation>
    </message>
    <message>
      <source>Wachten op het nieuwe certificaat</source>
      <translation>Waiting for the new certificate</translation>
    </message>
  </context>
  <context>
    <name>RemoveBackupPage</name>
    <message>
      <source>De back-up wordt gecontroleerd…</source>
      <translation>Checking the backup…</translation>
    </message>
    <message>
      <source>Back-ups (*.pfx *.p12)</source>
      <translation>Backups (*.pfx *.p12)</translation>
    </message>
    <message>
      <source>&amp;Wachtwoord:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <source>Wachtwoord van de back-up</source>
      <translation>Password of the backup</translation>
    </message>
    <message>
      <source>Back-upbestand kiezen</source>
      <translation>Choose the backup file</translation>
    </message>
    <message>
      <source>B&amp;laderen…</source>
      <translation>B&amp;rowse…</translation>
    </message>
    <message>
      <source>Back-upbestand</source>
      <translation>Backup file</translation>
    </message>
    <message>
      <source>&amp;Bestand:</source>
      <translation>&amp;File:</translation>
    </message>
    <message>
      <source>&amp;Nee, of niet nodig (u bevestigt dat op de volgende pagina)</source>
      <translation>&amp;No, or not needed (you confirm this on the next page)</translation>
    </message>
    <message>
      <source>&amp;Ja, dit back-upbestand:</source>
      <translation>&amp;Yes, this backup file:</translation>
    </message>
    <message>
      <source>Een certificaat kan maar één keer worden geïnstalleerd. Wijs de back-up aan; certassist opent hem en verwijdert pas als hij werkt.</source>
      <translation>A certificate can be installed only once. Point to the backup; certassist opens it and removes only if it works.</translation>
    </message>
    <message>
      <source>Is er een back-up van dit certificaat?</source>
      <translation>Is there a backup of this certificate?</translation>
    </message>
  </context>
</TS>
