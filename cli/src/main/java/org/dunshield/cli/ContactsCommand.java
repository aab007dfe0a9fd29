package org.dunshield.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.number.PhoneNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code contacts import FILE.vcf | list}. Contacts stay in the local store. */
@Command(name = "contacts", mixinStandardHelpOptions = true, description = "Import and list contacts.",
    subcommands = {ContactsCommand.Import.class, ContactsCommand.ListContacts.class})
final class ContactsCommand {
  @ParentCommand Main main;

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a vCard file (2.1, 3.0, 4.0).")
  static final class Import implements Callable<Integer> {
    @ParentCommand ContactsCommand parent;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FILE.vcf") Path file;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      ImportCommand.print(spec, Importer.run(parent.main.app(), file, true), json);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List contacts.")
  static final class ListContacts implements Callable<Integer> {
    @ParentCommand ContactsCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      List<Contact> contacts = parent.main.app().database().contacts().list();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Object> list = new ArrayList<>();
        for (Contact c : contacts) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", c.name());
          m.put("numbers", c.numbers().stream().map(PhoneNumber::e164).toList());
          list.add(m);
        }
        Output.json(out, Map.of("contacts", list));
      } else if (contacts.isEmpty()) {
        out.println("no contacts");
      } else {
        for (Contact c : contacts) {
          out.println(Output.cell(c.name(), 24) + " " + String.join(", ", c.numbers().stream().map(PhoneNumber::e164).toList()));
        }
      }
      return 0;
    }
  }
}
