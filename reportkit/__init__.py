"""What both services need of reporting, without models: one package both import (DESIGN.md, "One kit, two
services"). The independent service never imports a police app; both import this."""
